package fazhi.indexer.analysis;

import fazhi.core.text.TextNormalizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The user dictionary of domain terms (analysis-config/dictionary/user-words.txt, packed into core's jar under the
 * same name and loaded from the classpath). Terms are stored folded ({@link TextNormalizer#searchForm}) so that
 * 一網通辦 in a traditional-script page finds the entry 一网通办.
 */
public final class UserDictionary {
    public static final String RESOURCE = "analysis-config/dictionary/user-words.txt";

    private final Set<String> words;
    private final int maxLength;
    /**
     * The first two chars of every word (high char, low char in one int), sorted: most text positions start no word
     * and are passed over without building a candidate string.
     */
    private final int[] firstPairs;

    public UserDictionary(Iterable<String> terms) {
        Set<String> folded = new HashSet<>();
        int max = 0;
        for (String term : terms) {
            String f = TextNormalizer.instance().searchForm(term.strip());
            if (f.length() >= 2) {
                folded.add(f);
                max = Math.max(max, f.length());
            }
        }
        this.words = Set.copyOf(folded);
        this.maxLength = max;
        this.firstPairs = words.stream().mapToInt(w -> pair(w.charAt(0), w.charAt(1))).distinct().sorted().toArray();
    }

    private static int pair(char first, char second) {
        return first << 16 | second;
    }

    /**
     * Length of the longest word that {@code foldedText} has at {@code from} (at least 2), or 0 when none: where
     * the tokenizer cuts a dictionary term out of the text.
     */
    public int longestMatchAt(String foldedText, int from) {
        if (from + 1 >= foldedText.length()
                || java.util.Arrays.binarySearch(firstPairs, pair(foldedText.charAt(from), foldedText.charAt(from + 1))) < 0) {
            return 0;
        }
        for (int length = Math.min(maxLength, foldedText.length() - from); length >= 2; length--) {
            if (words.contains(foldedText.substring(from, from + length))) {
                return length;
            }
        }
        return 0;
    }

    /** The dictionary as shipped. */
    public static UserDictionary shipped() {
        return new UserDictionary(readLines(RESOURCE));
    }

    /** Non-blank, non-comment lines of a classpath resource (UTF-8). */
    static List<String> readLines(String resource) {
        InputStream in = UserDictionary.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + resource + " (core's jar packs analysis-config/)");
        }
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    lines.add(trimmed);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return lines;
    }

    /**
     * A hash of the word list: stored with each index commit, so an index analysed with another dictionary is
     * rebuilt rather than mixed (the ranking field's tokens depend on it).
     */
    public String fingerprint() {
        return fingerprint(new java.util.TreeSet<>(words));
    }

    /** A short hash of a list of lines, in their order. */
    static String fingerprint(Iterable<String> lines) {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            for (String word : lines) {
                digest.update(word.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return java.util.HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean contains(String foldedTerm) {
        return words.contains(foldedTerm);
    }

    public Set<String> words() {
        return words;
    }
}
