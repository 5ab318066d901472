package fazhi.bench.run;

import fazhi.core.model.Report;
import fazhi.core.model.SectionKind;
import fazhi.core.text.TextNormalizer;
import fazhi.indexer.search.SearchRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Samples the query mix from the corpus while it streams by (reservoir sampling, seeded, so a corpus and seed give
 * the same mix). Phrases are 2–6 key characters long, from two sources: substrings of section text made only of
 * Chinese characters (the recombined sentences: mostly common) and substrings of issuer names or around numbers
 * (varied per report: mostly rare). Whether a phrase is rare or common is decided afterwards by how many reports it
 * matches, not by its source.
 */
final class QuerySampler {
    /** Phrases (and filters) kept per source: enough for about 28 mixes of 100 phrases at 100k reports. */
    static final int RESERVOIR = 6_000;
    private static final SectionKind[] FILTER_SECTIONS = {SectionKind.MEASURES, SectionKind.PROBLEMS, SectionKind.PLANS,
        SectionKind.LEADERSHIP};

    private final Random random;
    private final List<String> common = new ArrayList<>();
    private final List<String> rare = new ArrayList<>();
    private final List<int[]> yearRegion = new ArrayList<>(); // year, district code
    private final int reservoirSize;
    private long seen;

    QuerySampler(long seed) {
        this(seed, RESERVOIR);
    }

    /** A sampler keeping {@code reservoirSize} phrases per source (the measured mixes use {@link #RESERVOIR}). */
    QuerySampler(long seed, int reservoirSize) {
        this.random = new Random(seed);
        this.reservoirSize = reservoirSize;
    }

    void offer(Report report, List<String> sectionKeys) {
        seen++;
        String key = sectionKeys.get(random.nextInt(sectionKeys.size()));
        int length = 2 + random.nextInt(5);
        String phrase = hanSubstring(key, length);
        if (phrase != null) {
            keep(common, phrase);
        }
        String rarePhrase = random.nextBoolean() ? nameSubstring(report, length) : aroundNumber(key, length);
        if (rarePhrase != null) {
            keep(rare, rarePhrase);
        }
        if (report.year() != null && report.region().code() != null && report.region().code().length() >= 6) {
            keep(yearRegion, new int[] {report.year(), Integer.parseInt(report.region().code().substring(0, 6))});
        }
    }

    private <T> void keep(List<T> reservoir, T value) {
        if (reservoir.size() < reservoirSize) {
            reservoir.add(value);
        } else {
            long slot = (long) (random.nextDouble() * seen);
            if (slot < reservoirSize) {
                reservoir.set((int) slot, value);
            }
        }
    }

    private String hanSubstring(String key, int length) {
        for (int attempt = 0; attempt < 8; attempt++) {
            if (key.length() < length) {
                return null;
            }
            int start = random.nextInt(key.length() - length + 1);
            String s = key.substring(start, start + length);
            if (s.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
                return s;
            }
        }
        return null;
    }

    private String nameSubstring(Report report, int length) {
        String name = report.region().township() != null ? report.region().township() : report.region().district();
        if (name == null) {
            return null;
        }
        String key = TextNormalizer.instance().phraseKey(name);
        return key.length() <= length ? key : key.substring(0, length);
    }

    /** A substring starting at a digit (numbers are redrawn per report) with no ASCII letters (they could be operators). */
    private String aroundNumber(String key, int length) {
        for (int attempt = 0; attempt < 8; attempt++) {
            if (key.length() < length) {
                return null;
            }
            int start = random.nextInt(key.length() - length + 1);
            int digit = -1;
            for (int i = start; i < key.length() - length + 1 && i < start + 400; i++) {
                if (Character.isDigit(key.charAt(i)) && key.charAt(i) < 128) {
                    digit = i;
                    break;
                }
            }
            if (digit >= 0) {
                String s = key.substring(digit, digit + length);
                if (s.chars().noneMatch(c -> c < 128 && Character.isLetter(c)) && s.length() >= 2) {
                    return s;
                }
            }
        }
        return null;
    }

    /**
     * {@code count} disjoint mixes of the same composition: {@code phrases} phrase queries (half from each source),
     * and {@code phrases / 4} each of two-term AND, section filter and year+region filter queries. No request
     * appears twice across all mixes, so the service's result cache never answers a measured query.
     */
    List<List<BenchQuery>> mixes(int count, int phrases) {
        List<String> commonPool = new ArrayList<>(new java.util.LinkedHashSet<>(common));
        List<String> rarePool = new ArrayList<>(new java.util.LinkedHashSet<>(rare));
        Collections.shuffle(commonPool, random);
        Collections.shuffle(rarePool, random);
        List<int[]> filters = new ArrayList<>(yearRegion);
        Collections.shuffle(filters, random);
        Set<SearchRequest> used = new HashSet<>();
        int[] c = {0};
        int[] r = {0};
        int[] f = {0};
        List<List<BenchQuery>> mixes = new ArrayList<>();
        int others = Math.max(1, phrases / 4);
        for (int m = 0; m < count; m++) {
            List<BenchQuery> mix = new ArrayList<>();
            for (int i = 0; i < phrases; i++) {
                List<String> pool = i % 2 == 0 ? commonPool : rarePool;
                int[] cursor = i % 2 == 0 ? c : r;
                String phrase = next(pool, cursor, commonPool, c);
                if (phrase == null) {
                    break;
                }
                add(mix, used, new BenchQuery(BenchQuery.Kind.PHRASE, SearchRequest.of(phrase), phrase));
            }
            for (int i = 0; i < others; i++) {
                String a = shortPhrase(commonPool, c);
                String b = shortPhrase(commonPool, c);
                if (a != null && b != null) {
                    add(mix, used, new BenchQuery(BenchQuery.Kind.AND, SearchRequest.of(a + " " + b), null));
                }
                String p = next(commonPool, c, commonPool, c);
                if (p != null) {
                    SearchRequest section = SearchRequest.builder().q(p).section(FILTER_SECTIONS[i % FILTER_SECTIONS.length]).build();
                    add(mix, used, new BenchQuery(BenchQuery.Kind.SECTION, section, null));
                }
                String y = next(commonPool, c, commonPool, c);
                if (y != null && !filters.isEmpty()) {
                    int[] yr = filters.get(f[0]++ % filters.size());
                    SearchRequest request = SearchRequest.builder().q(y).year(yr[0]).region(String.valueOf(yr[1])).build();
                    add(mix, used, new BenchQuery(BenchQuery.Kind.YEAR_REGION, request, null));
                }
            }
            Collections.shuffle(mix, random);
            mixes.add(mix);
        }
        return mixes;
    }

    private static void add(List<BenchQuery> mix, Set<SearchRequest> used, BenchQuery q) {
        if (used.add(q.request())) {
            mix.add(q);
        }
    }

    private static String next(List<String> pool, int[] cursor, List<String> fallback, int[] fallbackCursor) {
        if (cursor[0] < pool.size()) {
            return pool.get(cursor[0]++);
        }
        return fallbackCursor[0] < fallback.size() ? fallback.get(fallbackCursor[0]++) : null;
    }

    private static String shortPhrase(List<String> pool, int[] cursor) {
        while (cursor[0] < pool.size()) {
            String s = pool.get(cursor[0]++);
            if (s.length() <= 4) {
                return s;
            }
        }
        return null;
    }
}
