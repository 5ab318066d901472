package fazhi.indexer.analysis;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.apache.lucene.analysis.cn.smart.CharType;
import org.apache.lucene.analysis.cn.smart.Utility;

/**
 * smartcn's own two dictionaries — words with their frequencies, word pairs with theirs — read once from the
 * instances smartcn loads, and laid out for {@link SmartcnSegmenter}: the words as a trie (one hash probe per
 * character of a candidate word instead of a binary search over a character's word list per character), the pairs
 * as a compact hash set of their 64-bit hashes with a bit filter in front (most pairs a sentence proposes are not
 * in the dictionary; smartcn answers each of them with probes across a 3 MB table).
 *
 * <p>Why: the segmenter spent 39 % of its time in the pair lookups and 25 % in building the word graph (JFR, 8 M
 * characters of the bench corpus), and the index build is bound by it. Every answer here is smartcn's answer for
 * the same string by construction: word entries are found with smartcn's own search routines over its own
 * tables (including its quirks: a prefix is followed only where smartcn's binary search finds it), and a pair's
 * frequency is looked up by the same 64-bit hash smartcn keys its table by. {@code SmartcnTokenizerTest} compares
 * the output with smartcn's token by token.
 */
final class SmartcnDictionaries {
    /** FNV-1a 64 offset basis and prime: smartcn's {@code AbstractDictionary.hash1(char[])}. */
    static final long HASH_START = 0xcbf29ce484222325L;
    private static final long HASH_PRIME = 1099511628211L;
    /** The char smartcn puts between the two words of a pair ({@code BigramDictionary.WORD_SEGMENT_CHAR}). */
    static final char PAIR_SEPARATOR = '@';

    private static final String HHMM = "org.apache.lucene.analysis.cn.smart.hhmm.";

    /** Per char: frequency of the one-char word (0 when not a word), as smartcn's getFrequency answers. */
    private final int[] charFrequency = new int[Character.MAX_VALUE + 1];
    /** Per char: trie node of the one-char prefix, -1 when smartcn finds no word starting with it. */
    private final int[] rootNode = new int[Character.MAX_VALUE + 1];
    /** Trie edges, key (node << 16 | char) → child node; open addressing, 0 = empty (node 0 is never a child). */
    private long[] edgeKeys;
    private int[] edgeChildren;
    private int edgeCount;
    /** {@link #wordFrequency} of a node that is only a prefix (a frequency could in principle be negative). */
    static final int NOT_A_WORD = Integer.MIN_VALUE;
    /** Per node: frequency of the word it spells, or {@link #NOT_A_WORD}. */
    private int[] nodeFrequency = new int[1 << 16];
    /** Per node: smartcn's prefix-match index for it (where its search for longer words continues). */
    private int[] nodeMatch = new int[1 << 16];
    private int nodeCount = 1; // node 0: unused, so that 0 can mean "empty" in the edge table

    /** Pair hashes (never 0) → frequencies; open addressing with linear probing. */
    private final long[] pairKeys;
    private final int[] pairFrequencies;
    private final int pairMask;
    /** Bit filter over the pair hashes: a clear bit answers "not a pair" without touching the table. */
    private final long[] pairFilter;
    private final int pairFilterMask;

    private final int stringFrequency;
    private final int numberFrequency;
    private final int startFrequency;
    private final int endFrequency;

    /** smartcn's pair lookup, for the one hash value its table cannot tell from "empty" (0). */
    private final Object bigramDictionary;
    private final Method bigramFrequency;

    private static final class Holder {
        static final SmartcnDictionaries INSTANCE = load();
    }

    /** The dictionaries (loaded on first use, shared: they are read-only). */
    static SmartcnDictionaries instance() {
        return Holder.INSTANCE;
    }

    private static SmartcnDictionaries load() {
        try {
            return new SmartcnDictionaries();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("smartcn's dictionaries could not be read (Lucene version change?)", e);
        }
    }

    private SmartcnDictionaries() throws ReflectiveOperationException {
        Object words = instance(HHMM + "WordDictionary");
        short[] wordIndexTable = (short[]) field(words, "wordIndexTable");
        char[] charIndexTable = (char[]) field(words, "charIndexTable");
        char[][][] items = (char[][][]) field(words, "wordItem_charArrayTable");
        int[][] frequencies = (int[][]) field(words, "wordItem_frequencyTable");

        // smartcn finds a char's word list by probing its char table; a char is in it at most once.
        int[] tableOf = new int[Character.MAX_VALUE + 1];
        Arrays.fill(tableOf, -1);
        for (int slot = 0; slot < charIndexTable.length; slot++) {
            if (charIndexTable[slot] != 0) {
                tableOf[charIndexTable[slot]] = wordIndexTable[slot];
            }
        }
        edgeKeys = new long[1 << 20];
        edgeChildren = new int[1 << 20];
        Arrays.fill(rootNode, -1);
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (tableOf[c] < 0 || Utility.getCharType((char) c) != CharType.HANZI) {
                continue; // only Hanzi start and extend words in smartcn's word graph
            }
            char[][] list = items[tableOf[c]];
            int[] freq = frequencies[tableOf[c]];
            if (list == null) {
                throw new IllegalStateException("smartcn has no word list for " + (char) c);
            }
            char[] one = {(char) c};
            charFrequency[c] = frequency(list, freq, one);
            int match = prefixMatch(list, one, 0);
            if (match == -1) {
                continue;
            }
            int root = newNode(NOT_A_WORD, match);
            rootNode[c] = root;
            for (char[] rest : list) {
                if (rest == null) {
                    continue; // the one-char word itself (smartcn's comparisons treat null as empty)
                }
                char[] word = new char[rest.length + 1];
                word[0] = (char) c;
                System.arraycopy(rest, 0, word, 1, rest.length);
                int node = root;
                for (int length = 2; length <= word.length; length++) {
                    char next = word[length - 1];
                    if (Utility.getCharType(next) != CharType.HANZI) {
                        break; // smartcn extends a candidate word with Hanzi only
                    }
                    int child = child(node, next);
                    if (child == -1) {
                        char[] prefix = Arrays.copyOf(word, length);
                        int found = prefixMatch(list, prefix, nodeMatch[node]);
                        if (found == -1) {
                            break;
                        }
                        boolean isWord = Utility.compareArray(prefix, 1, list[found], 0) == 0;
                        child = newNode(isWord ? frequency(list, freq, prefix) : NOT_A_WORD, found);
                        putEdge(node, next, child);
                    }
                    node = child;
                }
            }
        }
        stringFrequency = wordFrequency(tableOf, items, frequencies, Utility.STRING_CHAR_ARRAY);
        numberFrequency = wordFrequency(tableOf, items, frequencies, Utility.NUMBER_CHAR_ARRAY);
        startFrequency = wordFrequency(tableOf, items, frequencies, Utility.START_CHAR_ARRAY);
        endFrequency = wordFrequency(tableOf, items, frequencies, Utility.END_CHAR_ARRAY);

        bigramDictionary = instance(HHMM + "BigramDictionary");
        bigramFrequency = bigramDictionary.getClass().getMethod("getFrequency", char[].class);
        bigramFrequency.setAccessible(true);
        long[] hashes = (long[]) field(bigramDictionary, "bigramHashTable");
        int[] pairFreq = (int[]) field(bigramDictionary, "frequencyTable");
        int pairs = 0;
        for (long h : hashes) {
            if (h != 0) {
                pairs++;
            }
        }
        int capacity = Integer.highestOneBit(Math.max(16, pairs * 2 - 1)) << 1; // load factor ≤ 1/2
        pairKeys = new long[capacity];
        pairFrequencies = new int[capacity];
        pairMask = capacity - 1;
        int filterBits = Integer.highestOneBit(Math.max(64, pairs * 16 - 1)) << 1; // ~3 % false positives
        pairFilter = new long[filterBits >>> 6];
        pairFilterMask = filterBits - 1;
        for (int slot = 0; slot < hashes.length; slot++) {
            long h = hashes[slot];
            if (h == 0) {
                continue;
            }
            int i = slotOf(h) & pairMask;
            while (pairKeys[i] != 0) {
                i = (i + 1) & pairMask;
            }
            pairKeys[i] = h;
            pairFrequencies[i] = pairFreq[slot];
            int bit = filterBit(h);
            pairFilter[bit >>> 6] |= 1L << bit;
        }
    }

    // ------------------------------------------------------------------ lookups used while segmenting

    /** Frequency of the one-char word {@code c} (0 when smartcn does not know it). */
    int charFrequency(char c) {
        return charFrequency[c];
    }

    /** Trie node of the one-char prefix {@code c}, or -1. */
    int root(char c) {
        return rootNode[c];
    }

    /** Trie node of the prefix of {@code node} extended by {@code c}, or -1 when smartcn stops there. */
    int child(int node, char c) {
        long key = (long) node << 16 | c;
        int i = mix(key) & (edgeKeys.length - 1);
        while (true) {
            long k = edgeKeys[i];
            if (k == key) {
                return edgeChildren[i];
            }
            if (k == 0) {
                return -1;
            }
            i = (i + 1) & (edgeKeys.length - 1);
        }
    }

    /** Frequency of the word a node spells, or {@link #NOT_A_WORD} when it is only a prefix. */
    int wordFrequency(int node) {
        return nodeFrequency[node];
    }

    int stringFrequency() {
        return stringFrequency;
    }

    int numberFrequency() {
        return numberFrequency;
    }

    int startFrequency() {
        return startFrequency;
    }

    int endFrequency() {
        return endFrequency;
    }

    /** smartcn's hash of a char sequence, one char further. */
    static long hash(long hash, char c) {
        hash = (hash ^ (c & 0x00FF)) * HASH_PRIME;
        return (hash ^ (c >> 8)) * HASH_PRIME;
    }

    /**
     * Frequency of the word pair whose chars (first word, {@link #PAIR_SEPARATOR}, second word) hash to
     * {@code hash}, which is not 0 (see {@link #pairFrequencyOf}).
     */
    int pairFrequency(long hash) {
        int bit = filterBit(hash);
        if ((pairFilter[bit >>> 6] & 1L << bit) == 0) {
            return 0;
        }
        int i = slotOf(hash) & pairMask;
        while (true) {
            long k = pairKeys[i];
            if (k == hash) {
                return pairFrequencies[i];
            }
            if (k == 0) {
                return 0;
            }
            i = (i + 1) & pairMask;
        }
    }

    /**
     * smartcn's own answer for a pair whose hash is 0, the one value its table cannot tell from "empty" (so it is
     * not in ours): never seen, but answered as smartcn would.
     */
    int pairFrequencyOf(char[] pair) {
        try {
            return (int) bigramFrequency.invoke(bigramDictionary, (Object) pair);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("smartcn's pair lookup failed", e);
        }
    }

    // ------------------------------------------------------------------ construction

    private int newNode(int frequency, int match) {
        if (nodeCount == nodeFrequency.length) {
            nodeFrequency = Arrays.copyOf(nodeFrequency, nodeCount * 2);
            nodeMatch = Arrays.copyOf(nodeMatch, nodeCount * 2);
        }
        nodeFrequency[nodeCount] = frequency;
        nodeMatch[nodeCount] = match;
        return nodeCount++;
    }

    private void putEdge(int node, char c, int child) {
        if ((edgeCount + 1) * 2 > edgeKeys.length) {
            long[] keys = edgeKeys;
            int[] children = edgeChildren;
            edgeKeys = new long[keys.length * 2];
            edgeChildren = new int[keys.length * 2];
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] != 0) {
                    insertEdge(keys[i], children[i]);
                }
            }
        }
        insertEdge((long) node << 16 | c, child);
        edgeCount++;
    }

    private void insertEdge(long key, int child) {
        int i = mix(key) & (edgeKeys.length - 1);
        while (edgeKeys[i] != 0) {
            i = (i + 1) & (edgeKeys.length - 1);
        }
        edgeKeys[i] = key;
        edgeChildren[i] = child;
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ h >>> 32);
    }

    private static int slotOf(long hash) {
        return (int) (hash ^ hash >>> 29);
    }

    private int filterBit(long hash) {
        return (int) (hash >>> 17) & pairFilterMask;
    }

    /** smartcn's {@code WordDictionary.getFrequency} for a word whose first char's list is {@code list}. */
    private static int frequency(char[][] list, int[] freq, char[] word) {
        int found = findInTable(list, word);
        return found == -1 ? 0 : freq[found];
    }

    private static int wordFrequency(int[] tableOf, char[][][] items, int[][] frequencies, char[] word) {
        int table = tableOf[word[0]];
        return table < 0 ? 0 : frequency(items[table], frequencies[table], word);
    }

    /** smartcn's {@code WordDictionary.findInTable}: binary search of the word's rest in its first char's list. */
    private static int findInTable(char[][] items, char[] word) {
        int start = 0;
        int end = items.length - 1;
        int mid = (start + end) / 2;
        while (start <= end) {
            int cmp = Utility.compareArray(items[mid], 0, word, 1);
            if (cmp == 0) {
                return mid;
            } else if (cmp < 0) {
                start = mid + 1;
            } else {
                end = mid - 1;
            }
            mid = (start + end) / 2;
        }
        return -1;
    }

    /** smartcn's {@code WordDictionary.getPrefixMatch}: the first list entry the prefix's rest begins, or -1. */
    private static int prefixMatch(char[][] items, char[] prefix, int knownStart) {
        int start = knownStart;
        int end = items.length - 1;
        int mid = (start + end) / 2;
        while (start <= end) {
            int cmp = Utility.compareArrayByPrefix(prefix, 1, items[mid], 0);
            if (cmp == 0) {
                while (mid >= 0 && Utility.compareArrayByPrefix(prefix, 1, items[mid], 0) == 0) {
                    mid--;
                }
                return mid + 1;
            } else if (cmp < 0) {
                end = mid - 1;
            } else {
                start = mid + 1;
            }
            mid = (start + end) / 2;
        }
        return -1;
    }

    private static Object instance(String className) throws ReflectiveOperationException {
        Method getInstance = Class.forName(className).getMethod("getInstance");
        getInstance.setAccessible(true);
        return getInstance.invoke(null);
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        Field f = owner.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(owner);
    }
}
