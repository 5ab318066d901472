package fazhi.indexer.analysis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The phrase key's most frequent bigrams (analysis-config/dictionary/trigram-starts.txt): where one starts, the
 * phrase field also indexes the trigram (see {@link KeyGramTokenizer#trigramAt}).
 *
 * <p>Why only after frequent bigrams: a phrase's cost is reading the positions of its grams in every section that
 * contains all of them, and only frequent bigrams (工作, 政府, 20 …) have long position lists; a phrase starting
 * with one becomes a rarer trigram. Stacking a trigram at every position made the index build 1.3–1.5× slower (a
 * third more tokens, millions of distinct terms); after these bigrams only, it adds a trigram at about half the
 * positions, of a few hundred thousand distinct terms.
 *
 * <p>The list is derived, never edited by hand: the {@link #DERIVED_COUNT} most frequent bigrams of the sample
 * reports' phrase keys ({@link #main}; {@code TrigramStartsTest} checks the shipped file against it). It only moves
 * speed: any list gives the same matches, as long as the index was built with the list the queries use (its
 * {@link #fingerprint} is kept with every index commit).
 */
public final class TrigramStarts {
    public static final String RESOURCE = "analysis-config/dictionary/trigram-starts.txt";
    /** How many bigrams the shipped list has. */
    public static final int DERIVED_COUNT = 1000;
    private static final TrigramStarts SHIPPED = new TrigramStarts(UserDictionary.readLines(RESOURCE));

    /** Both chars of each bigram packed in an int (BMP only), sorted for binary search. */
    private final int[] packed;
    /** First chars of the bigrams: most positions are ruled out by one bit. */
    private final BitSet firsts = new BitSet(1 << 16);
    private final List<String> bigrams;
    private final String fingerprint;

    TrigramStarts(List<String> bigrams) {
        int[] p = new int[bigrams.size()];
        int n = 0;
        for (String b : bigrams) {
            if (b.length() != 2 || Character.isSurrogate(b.charAt(0)) || Character.isSurrogate(b.charAt(1))) {
                throw new IllegalArgumentException(RESOURCE + ": not a bigram of two BMP characters: " + b);
            }
            p[n++] = b.charAt(0) << 16 | b.charAt(1);
            firsts.set(b.charAt(0));
        }
        Arrays.sort(p);
        this.packed = p;
        this.bigrams = List.copyOf(bigrams);
        this.fingerprint = UserDictionary.fingerprint(this.bigrams);
    }

    /** The list as shipped. */
    public static TrigramStarts shipped() {
        return SHIPPED;
    }

    /** Whether the key chars {@code first, second} are one of the bigrams. */
    public boolean contains(int first, int second) {
        return first < 1 << 16 && second < 1 << 16 && firsts.get(first)
                && Arrays.binarySearch(packed, first << 16 | second) >= 0;
    }

    public List<String> bigrams() {
        return bigrams;
    }

    /** A hash of the list, kept with each index commit: an index built with another list is rebuilt. */
    public String fingerprint() {
        return fingerprint;
    }

    /**
     * The {@code count} most frequent bigrams of the texts' phrase keys (BMP chars only), most frequent first, ties
     * in char order: the same texts always give the same list.
     */
    public static List<String> derive(Iterable<String> texts, int count) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (String text : texts) {
            KeyText key = KeyText.of(text);
            for (int i = 0; i + 1 < key.length(); i++) {
                int a = key.codePointAt(i);
                int b = key.codePointAt(i + 1);
                if (a < 1 << 16 && b < 1 << 16) {
                    counts.merge(a << 16 | b, 1, Integer::sum);
                }
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<Integer, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(count)
                .map(e -> new String(new char[] {(char) (e.getKey() >>> 16), (char) (e.getKey() & 0xFFFF)}))
                .toList();
    }

    /** The sample texts (every {@code .txt} file of a folder, by name) the shipped list is derived from. */
    public static List<String> sampleTexts(Path seedsDir) throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(seedsDir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList()) {
                texts.add(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("no sample texts (*.txt) in " + seedsDir);
        }
        return texts;
    }

    /** The file's text: a header saying where it comes from, then one bigram per line. */
    public static String fileText(List<String> bigrams) {
        StringBuilder out = new StringBuilder()
                .append("# The phrase key's most frequent bigrams: after each, the phrase field also indexes the trigram.\n")
                .append("# Derived, do not edit: the ").append(DERIVED_COUNT).append(" most frequent bigrams of samples/seeds/*.txt\n")
                .append("# (fazhi.indexer.analysis.TrigramStarts; regenerate from the project root with\n")
                .append("#   java -cp 'app/target/lib/*' fazhi.indexer.analysis.TrigramStarts samples/seeds analysis-config/dictionary/trigram-starts.txt\n")
                .append("# after ./portal has built the application). Changing it changes speed only; indexes are rebuilt.\n");
        for (String b : bigrams) {
            out.append(b).append('\n');
        }
        return out.toString();
    }

    /** Writes the list derived from a folder of sample texts: {@code TrigramStarts SEEDS_DIR OUT_FILE}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: TrigramStarts SEEDS_DIR OUT_FILE");
            System.exit(2);
        }
        Files.writeString(Path.of(args[1]), fileText(derive(sampleTexts(Path.of(args[0])), DERIVED_COUNT)), StandardCharsets.UTF_8);
    }
}
