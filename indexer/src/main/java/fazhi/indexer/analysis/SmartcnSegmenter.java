package fazhi.indexer.analysis;

import java.util.Arrays;
import org.apache.lucene.analysis.cn.smart.CharType;
import org.apache.lucene.analysis.cn.smart.Utility;
import org.apache.lucene.analysis.cn.smart.WordType;

/**
 * smartcn's sentence segmentation (Lucene's {@code HHMMSegmenter}, {@code BiSegGraph} and {@code WordSegmenter}) —
 * the same word graph, the same pair weights and the same shortest path, hence the same words — computed over
 * arrays reused from sentence to sentence, with {@link SmartcnDictionaries} for the lookups.
 *
 * <p>What is kept exactly as smartcn does it, because the words depend on it: the candidate words (every char, and
 * every dictionary word from it on, reading across spaces); letter, digit and other runs as placeholder words;
 * the graph's order (by start, then as found), which decides between paths of equal weight; each edge's weight,
 * the same floating-point expression; the path's first minimum wins. Not thread-safe: one per tokenizer.
 */
final class SmartcnSegmenter {
    private static final double SMOOTH = 0.1;
    private static final double TINY = 1.0 / Utility.MAX_FREQUENCE;
    private static final char[] START = Utility.START_CHAR_ARRAY;
    private static final char[] END = Utility.END_CHAR_ARRAY;

    private final SmartcnDictionaries dict = SmartcnDictionaries.instance();

    // Candidate words of the sentence, in smartcn's index order (by start; START first, END last).
    private int count;
    private int[] start = new int[256];
    private int[] end = new int[256];
    private int[] type = new int[256];
    private int[] weight = new int[256];
    /** A word's chars are {@code pool[charsFrom[i] .. charsFrom[i] + charsLength[i])}. */
    private int[] charsFrom = new int[256];
    private int[] charsLength = new int[256];
    private char[] pool = new char[1024];
    private int poolSize;
    /** Per position + 1 (START's position is -1): first candidate starting there and how many, or 0 of them. */
    private int[] firstAt = new int[64];
    private int[] countAt = new int[64];
    private int[] charTypes = new int[64];
    private double[] best = new double[256];
    private int[] previous = new int[256];
    private final StringBuilder word = new StringBuilder();

    // The best path's words (START and END excluded), converted as smartcn's WordSegmenter converts them.
    private int words;
    private int[] wordStart = new int[64];
    private int[] wordEnd = new int[64];
    private char[][] wordChars = new char[64][];

    /** Segments one sentence; its words are then {@link #words()} and {@link #chars}, {@link #start}, {@link #end}. */
    void segment(String sentence, int offset) {
        buildGraph(sentence);
        shortestPath();
        collectWords(sentence, offset);
    }

    int words() {
        return words;
    }

    char[] chars(int i) {
        return wordChars[i];
    }

    int start(int i) {
        return wordStart[i];
    }

    int end(int i) {
        return wordEnd[i];
    }

    // ------------------------------------------------------------------ the word graph (HHMMSegmenter.createSegGraph)

    private void buildGraph(String sentence) {
        int n = sentence.length();
        count = 0;
        poolSize = 0;
        if (charTypes.length < n) {
            charTypes = new int[Math.max(n, charTypes.length * 2)];
        }
        for (int i = 0; i < n; i++) {
            charTypes[i] = Utility.getCharType(sentence.charAt(i));
        }
        if (firstAt.length < n + 2) {
            firstAt = new int[Math.max(n + 2, firstAt.length * 2)];
            countAt = new int[firstAt.length];
        }
        Arrays.fill(countAt, 0, n + 2, 0);
        add(START, 0, START.length, -1, 0, WordType.SENTENCE_BEGIN, dict.startFrequency());
        int i = 0;
        while (i < n) {
            switch (charTypes[i]) {
                case CharType.SPACE_LIKE -> i++;
                case CharType.SURROGATE -> {
                    int codePoint = Character.codePointAt(sentence, i);
                    int chars = Character.charCount(codePoint);
                    addFromSentence(sentence, i, i + chars, i, i + chars, WordType.CHINESE_WORD, 0);
                    i += chars;
                }
                case CharType.HANZI -> {
                    addHanziWords(sentence, i, n);
                    i++;
                }
                case CharType.FULLWIDTH_LETTER, CharType.LETTER -> i = addRun(i, n, CharType.LETTER, CharType.FULLWIDTH_LETTER,
                        Utility.STRING_CHAR_ARRAY, WordType.STRING, WordType.FULLWIDTH_STRING, dict.stringFrequency());
                case CharType.FULLWIDTH_DIGIT, CharType.DIGIT -> i = addRun(i, n, CharType.DIGIT, CharType.FULLWIDTH_DIGIT,
                        Utility.NUMBER_CHAR_ARRAY, WordType.NUMBER, WordType.FULLWIDTH_NUMBER, dict.numberFrequency());
                case CharType.DELIMITER -> {
                    addFromSentence(sentence, i, i + 1, i, i + 1, WordType.DELIMITER, Utility.MAX_FREQUENCE);
                    i++;
                }
                default -> {
                    char[] placeholder = Utility.STRING_CHAR_ARRAY;
                    add(placeholder, 0, placeholder.length, i, i + 1, WordType.STRING, dict.stringFrequency());
                    i++;
                }
            }
        }
        add(END, 0, END.length, n, n + 1, WordType.SENTENCE_END, dict.endFrequency());
    }

    /**
     * A run of letters (or of digits), half- and full-width mixed, as one placeholder word (its text is put back
     * when the path is read); returns where the run ends.
     */
    private int addRun(int i, int n, int halfWidth, int fullWidth, char[] placeholder, int wordType, int fullWidthType,
                       int frequency) {
        boolean anyFullWidth = false;
        int j = i;
        while (j < n && (charTypes[j] == halfWidth || charTypes[j] == fullWidth)) {
            anyFullWidth |= charTypes[j] == fullWidth;
            j++;
        }
        add(placeholder, 0, placeholder.length, i, j, anyFullWidth ? fullWidthType : wordType, frequency);
        return j;
    }

    /** The char at {@code i} as a word, then every dictionary word starting there (its chars skip spaces). */
    private void addHanziWords(String sentence, int i, int n) {
        char first = sentence.charAt(i);
        addFromSentence(sentence, i, i + 1, i, i + 1, WordType.CHINESE_WORD, dict.charFrequency(first));
        int node = dict.root(first);
        if (node == -1) {
            return;
        }
        word.setLength(0);
        word.append(first);
        int j = i + 1;
        while (true) {
            int frequency = word.length() > 1 ? dict.wordFrequency(node) : SmartcnDictionaries.NOT_A_WORD;
            if (frequency != SmartcnDictionaries.NOT_A_WORD) {
                addWord(i, j, frequency);
            }
            while (j < n && charTypes[j] == CharType.SPACE_LIKE) {
                j++;
            }
            if (j < n && charTypes[j] == CharType.HANZI) {
                char next = sentence.charAt(j);
                node = dict.child(node, next);
                if (node == -1) {
                    return;
                }
                word.append(next);
                j++;
            } else {
                return;
            }
        }
    }

    private void addWord(int from, int to, int frequency) {
        int length = word.length();
        ensurePool(length);
        word.getChars(0, length, pool, poolSize);
        addPooled(length, from, to, WordType.CHINESE_WORD, frequency);
    }

    private void addFromSentence(String sentence, int charsFrom, int charsTo, int from, int to, int wordType, int frequency) {
        int length = charsTo - charsFrom;
        ensurePool(length);
        sentence.getChars(charsFrom, charsTo, pool, poolSize);
        addPooled(length, from, to, wordType, frequency);
    }

    private void add(char[] chars, int charsFrom, int length, int from, int to, int wordType, int frequency) {
        ensurePool(length);
        System.arraycopy(chars, charsFrom, pool, poolSize, length);
        addPooled(length, from, to, wordType, frequency);
    }

    private void ensurePool(int length) {
        if (poolSize + length > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(poolSize + length, pool.length * 2));
        }
    }

    private void addPooled(int length, int from, int to, int wordType, int frequency) {
        if (count == start.length) {
            int size = count * 2;
            start = Arrays.copyOf(start, size);
            end = Arrays.copyOf(end, size);
            type = Arrays.copyOf(type, size);
            weight = Arrays.copyOf(weight, size);
            charsFrom = Arrays.copyOf(charsFrom, size);
            charsLength = Arrays.copyOf(charsLength, size);
            best = Arrays.copyOf(best, size);
            previous = Arrays.copyOf(previous, size);
        }
        start[count] = from;
        end[count] = to;
        type[count] = wordType;
        weight[count] = frequency;
        charsFrom[count] = poolSize;
        charsLength[count] = length;
        poolSize += length;
        if (countAt[from + 1]++ == 0) {
            firstAt[from + 1] = count;
        }
        count++;
    }

    // ------------------------------------------------------------------ pairs and the path (BiSegGraph)

    /**
     * smartcn builds every edge (a word → each word starting where it ends, or at the next position where a word
     * starts), then for each word in index order keeps the first incoming edge of least total weight. Relaxing the
     * edges word by word in index order gives the same choice: all edges into a word come from words of lower
     * index, and they arrive in the order smartcn lists them.
     */
    private void shortestPath() {
        int last = count - 1; // END
        int maxStart = start[last];
        Arrays.fill(best, 0, count, Double.MAX_VALUE);
        Arrays.fill(previous, 0, count, -1);
        best[0] = 0;
        for (int t1 = 0; t1 < last; t1++) {
            int next = end[t1];
            while (next <= maxStart && countAt[next + 1] == 0) {
                next++;
            }
            if (next > maxStart) {
                continue;
            }
            long pairHash = SmartcnDictionaries.HASH_START;
            for (int k = charsFrom[t1]; k < charsFrom[t1] + charsLength[t1]; k++) {
                pairHash = SmartcnDictionaries.hash(pairHash, pool[k]);
            }
            pairHash = SmartcnDictionaries.hash(pairHash, SmartcnDictionaries.PAIR_SEPARATOR);
            double oneWordFreq = weight[t1];
            double unknownPairEdge = Double.NaN; // the edge weight when the pair is not in the dictionary (most are)
            int firstNext = firstAt[next + 1];
            int lastNext = firstNext + countAt[next + 1];
            for (int t2 = firstNext; t2 < lastNext; t2++) {
                long hash = pairHash;
                for (int k = charsFrom[t2]; k < charsFrom[t2] + charsLength[t2]; k++) {
                    hash = SmartcnDictionaries.hash(hash, pool[k]);
                }
                int wordPairFreq = hash != 0 ? dict.pairFrequency(hash) : dict.pairFrequencyOf(pairChars(t1, t2));
                double edge;
                if (wordPairFreq != 0) {
                    edge = edgeWeight(oneWordFreq, wordPairFreq);
                } else {
                    if (Double.isNaN(unknownPairEdge)) {
                        unknownPairEdge = edgeWeight(oneWordFreq, 0);
                    }
                    edge = unknownPairEdge;
                }
                double total = best[t1] + edge;
                if (total < best[t2]) {
                    best[t2] = total;
                    previous[t2] = t1;
                }
            }
        }
        for (int t = 1; t < count; t++) {
            if (previous[t] == -1) {
                // smartcn's path search fails here too (it assumes every word is reachable); never seen.
                throw new IllegalStateException("smartcn word graph with an unreachable word at " + start[t]);
            }
        }
    }

    /** BiSegGraph's smoothed weight, -log{a*P(Ci-1)+(1-a)P(Ci|Ci-1)}: the same expression, so the same double. */
    private static double edgeWeight(double oneWordFreq, int wordPairFreq) {
        return -Math.log(SMOOTH * (1.0 + oneWordFreq) / (Utility.MAX_FREQUENCE + 0.0)
                + (1.0 - SMOOTH) * ((1.0 - TINY) * wordPairFreq / (1.0 + oneWordFreq) + TINY));
    }

    /** The pair's chars as smartcn spells them: first word, {@link SmartcnDictionaries#PAIR_SEPARATOR}, second word. */
    private char[] pairChars(int t1, int t2) {
        char[] chars = new char[charsLength[t1] + 1 + charsLength[t2]];
        System.arraycopy(pool, charsFrom[t1], chars, 0, charsLength[t1]);
        chars[charsLength[t1]] = SmartcnDictionaries.PAIR_SEPARATOR;
        System.arraycopy(pool, charsFrom[t2], chars, charsLength[t1] + 1, charsLength[t2]);
        return chars;
    }

    // ------------------------------------------------------------------ the words (WordSegmenter, SegTokenFilter)

    private void collectWords(String sentence, int offset) {
        int pathLength = 0;
        for (int t = count - 1; t != 0; t = previous[t]) {
            pathLength++;
        }
        // pathLength counts END and the words; smartcn returns no words for a path of START and END only.
        words = pathLength - 1;
        if (wordStart.length < words) {
            int size = Math.max(words, wordStart.length * 2);
            wordStart = new int[size];
            wordEnd = new int[size];
            wordChars = new char[size][];
        }
        int w = words;
        for (int t = previous[count - 1]; t != 0; t = previous[t]) {
            w--;
            wordStart[w] = start[t] + offset;
            wordEnd[w] = end[t] + offset;
            wordChars[w] = convert(sentence, t);
        }
    }

    /** The word's term: runs of letters and digits as written (lower-cased, half-width), punctuation as ','. */
    private char[] convert(String sentence, int t) {
        switch (type[t]) {
            case WordType.STRING, WordType.NUMBER, WordType.FULLWIDTH_NUMBER, WordType.FULLWIDTH_STRING -> {
                char[] chars = sentence.substring(start[t], end[t]).toCharArray();
                boolean fullWidth = type[t] == WordType.FULLWIDTH_NUMBER || type[t] == WordType.FULLWIDTH_STRING;
                for (int i = 0; i < chars.length; i++) {
                    if (fullWidth && chars[i] >= 0xFF10) {
                        chars[i] -= 0xFEE0;
                    }
                    if (chars[i] >= 0x0041 && chars[i] <= 0x005A) {
                        chars[i] += 0x0020;
                    }
                }
                return chars;
            }
            case WordType.DELIMITER -> {
                return Utility.COMMON_DELIMITER;
            }
            default -> {
                return Arrays.copyOfRange(pool, charsFrom[t], charsFrom[t] + charsLength[t]);
            }
        }
    }
}
