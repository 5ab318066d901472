package fazhi.crawler.dedup;

import java.util.Arrays;

/**
 * MinHash signatures of character 5-shingles of a phrase key (normalised letters and digits): two texts whose
 * signatures agree on a fraction f of positions have a Jaccard similarity of about f. Used to catch near-duplicate
 * copies of one report (another footer, a changed date line) that exact hashing misses.
 */
public final class MinHash {
    static final int SHINGLE = 5;
    static final int HASHES = 128;
    private static final long[] SEEDS = new long[HASHES];

    static {
        long seed = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < HASHES; i++) {
            seed = mix(seed + 0x9E3779B97F4A7C15L);
            SEEDS[i] = seed;
        }
    }

    private MinHash() {
    }

    /** The signature of a phrase key; texts shorter than one shingle get a signature of their single shingle. */
    public static long[] signature(String phraseKey) {
        long[] min = new long[HASHES];
        Arrays.fill(min, Long.MAX_VALUE);
        int[] cps = phraseKey.codePoints().toArray();
        int shingles = Math.max(1, cps.length - SHINGLE + 1);
        for (int s = 0; s < shingles; s++) {
            long h = 1125899906842597L;
            for (int k = s; k < Math.min(cps.length, s + SHINGLE); k++) {
                h = 31 * h + cps[k];
            }
            for (int i = 0; i < HASHES; i++) {
                long v = mix(h ^ SEEDS[i]);
                if (v < min[i]) {
                    min[i] = v;
                }
            }
        }
        return min;
    }

    /** Estimated Jaccard similarity of the shingle sets behind two signatures. */
    public static double similarity(long[] a, long[] b) {
        int same = 0;
        for (int i = 0; i < HASHES; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return same / (double) HASHES;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
