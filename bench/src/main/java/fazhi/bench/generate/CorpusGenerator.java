package fazhi.bench.generate;

import fazhi.core.BadInputException;
import fazhi.core.corpus.CorpusStore;
import fazhi.core.model.Level;
import fazhi.core.model.Report;
import fazhi.core.model.Section;
import fazhi.core.model.SectionKind;
import fazhi.core.model.Site;
import fazhi.core.region.Gazetteer;
import fazhi.core.text.TextNormalizer;
import fazhi.core.understand.ReportUnderstanding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Synthetic report records for benchmarks ({@code ./portal generate}): real-looking reports recombined from the
 * sample corpus's sentences, issued by real districts and townships of the gazetteer, marked synthetic by their
 * {@code synthetic://} URL and {@code syn-} id. Report {@code i} of seed {@code s} depends only on (s, i), so a
 * corpus is reproducible and can be generated in parallel batches; batches are appended to the corpus store as
 * they are made, so memory stays flat at any size.
 */
public final class CorpusGenerator {
    public static final int FIRST_YEAR = 2019;
    public static final int LAST_YEAR = 2025;
    public static final int MIN_CHARS = 5_000;
    public static final int MAX_CHARS = 40_000;
    /** Median body length; lengths are log-normal around it, clamped to [MIN_CHARS, MAX_CHARS]. */
    static final int MEDIAN_CHARS = 9_000;
    static final int REPORTS_PER_FILE = 10_000;
    private static final int BATCH = 1_000;

    private static final SectionKind[] KINDS = SectionKind.values();
    /** Chance that a report has a section of each kind (preamble and measures always). */
    private static final double[] PRESENCE = {1.0, 1.0, 0.95, 0.7, 0.95, 0.35};
    /** Share of the body length per kind, before renormalising over the kinds present. */
    private static final double[] SHARE = {0.06, 0.58, 0.10, 0.10, 0.12, 0.04};
    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    private final SentencePool pool;
    private final Issuers issuers;

    public CorpusGenerator(SentencePool pool, Gazetteer gazetteer) {
        this.pool = pool;
        this.issuers = new Issuers(gazetteer);
    }

    /** A generator over the bundled samples (samples/seeds) and the shipped gazetteer. */
    public static CorpusGenerator fromSamples(Path seedsDir) throws IOException {
        ReportUnderstanding understanding = new ReportUnderstanding();
        return new CorpusGenerator(SentencePool.fromSamples(seedsDir, understanding), understanding.regionResolver().gazetteer());
    }

    public SentencePool pool() {
        return pool;
    }

    /** Corpus file names of a seed: {@code synthetic-s<seed>-<part>.jsonl}. */
    static String filePrefix(long seed) {
        return "synthetic-s" + Long.toUnsignedString(seed);
    }

    /**
     * Writes reports 0..n-1 of the seed into {@code DIR/corpus}, replacing the files an earlier run wrote for the same
     * seed (other corpus files are left alone). {@code progress} receives the number of reports written so far.
     */
    public GenerateSummary generate(Path dataDir, int reports, long seed, LongConsumer progress) throws IOException {
        if (reports < 1) {
            throw new BadInputException("bad-reports", "--reports 必须是正整数：" + reports);
        }
        long start = System.nanoTime();
        CorpusStore store = new CorpusStore(dataDir);
        Files.createDirectories(store.directory());
        String prefix = filePrefix(seed);
        try (Stream<Path> old = Files.list(store.directory())) {
            for (Path p : old.filter(p -> p.getFileName().toString().startsWith(prefix + "-")).toList()) {
                Files.delete(p);
            }
        }
        long chars = 0;
        List<String> files = new ArrayList<>();
        for (int from = 0; from < reports; from += BATCH) {
            int to = Math.min(reports, from + BATCH);
            List<Report> batch = IntStream.range(from, to).parallel().mapToObj(i -> report(seed, i)).toList();
            String file = String.format("%s-%03d", prefix, from / REPORTS_PER_FILE);
            if (files.isEmpty() || !files.getLast().equals(file)) {
                files.add(file);
            }
            store.append(file, batch);
            for (Report r : batch) {
                chars += r.bodyText().length();
            }
            progress.accept(to);
        }
        return new GenerateSummary(reports, chars, files.size(), (System.nanoTime() - start) / 1_000_000);
    }

    /** Report {@code index} of {@code seed}. */
    public Report report(long seed, int index) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        Issuers.Issuer issuer = issuers.draw(random);
        int year = random.nextInt(FIRST_YEAR, LAST_YEAR + 1);
        int target = (int) Math.round(MEDIAN_CHARS * Math.exp(0.55 * random.nextGaussian()));
        target = Math.clamp(target, MIN_CHARS, MAX_CHARS);

        boolean[] present = new boolean[KINDS.length];
        double shares = 0;
        for (int k = 0; k < KINDS.length; k++) {
            present[k] = random.nextDouble() < PRESENCE[k];
            shares += present[k] ? SHARE[k] : 0;
        }
        List<Section> sections = new ArrayList<>();
        int numbered = 0;
        for (int k = 0; k < KINDS.length; k++) {
            if (!present[k]) {
                continue;
            }
            SectionKind kind = KINDS[k];
            int length = (int) Math.ceil(target * SHARE[k] / shares);
            if (kind == SectionKind.PREAMBLE) {
                sections.add(new Section(null, kind, preamble(issuer, year, length, random)));
            } else {
                String heading = NUMERALS[numbered++] + "、" + heading(kind, year, issuer.place(), random);
                sections.add(new Section(heading, kind, body(kind, year, issuer.place(), length - heading.length(), random)));
            }
        }
        // Top up the last section so every body reaches the drawn length (headings and rounding eat a little).
        int total = sections.stream().mapToInt(s -> s.text().length() + (s.heading() == null ? 0 : s.heading().length() + 1)).sum()
                + sections.size() - 1;
        if (total < target) {
            Section last = sections.getLast();
            String more = body(last.kind(), year, issuer.place(), target - total, random);
            sections.set(sections.size() - 1, new Section(last.heading(), last.kind(), last.text() + "\n" + more));
        }
        String title = switch (random.nextInt(3)) {
            case 0 -> issuer.name() + year + "年法治政府建设年度报告";
            case 1 -> issuer.name() + "关于" + year + "年度法治政府建设情况的报告";
            default -> issuer.name() + year + "年度法治政府建设工作情况报告";
        };
        LocalDate published = LocalDate.of(year + 1, random.nextInt(1, 4), random.nextInt(1, 29));
        String id = "syn-" + Long.toUnsignedString(seed) + "-" + String.format("%07d", index);
        String url = "synthetic://fazhi/" + Long.toUnsignedString(seed) + "/" + index;
        Report draft = new Report(id, url, List.of(url), title, issuer.name(), issuer.level(), year, published,
                issuer.region(), new Site(issuer.districtGovernment(), null), sections, List.of(), null);
        return new Report(id, url, List.of(url), title, issuer.name(), issuer.level(), year, published, issuer.region(),
                draft.site(), sections, List.of(), contentHash(draft.bodyText()));
    }

    private String preamble(Issuers.Issuer issuer, int year, int length, SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        text.append(year).append("年，").append(issuer.shortName()).append("坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，")
                .append(issuer.level() == Level.TOWNSHIP ? "在" + issuer.region().district() + "委、" + issuer.region().district().substring(issuer.region().district().length() - 1) + "政府的坚强领导下，" : "")
                .append("全面推进依法行政，法治政府建设取得新成效。");
        List<SentencePool.Template> sentences = pool.sentences(SectionKind.PREAMBLE);
        while (text.length() < length - 40) {
            sentences.get(random.nextInt(sentences.size())).render(text, year, issuer.place(), random);
        }
        text.append("现将").append(issuer.shortName()).append(year).append("年法治政府建设工作情况报告如下。");
        return text.toString();
    }

    private String heading(SectionKind kind, int year, SentencePool.Place place, SplittableRandom random) {
        List<SentencePool.Template> seen = pool.headings(kind);
        if (!seen.isEmpty() && random.nextBoolean()) {
            StringBuilder h = new StringBuilder();
            seen.get(random.nextInt(seen.size())).render(h, year, place, random);
            return h.toString();
        }
        return switch (kind) {
            case MEASURES -> year + "年推进法治政府建设的主要举措和成效";
            case PROBLEMS -> "推进法治政府建设存在的不足和原因";
            case LEADERSHIP -> "党政主要负责人履行推进法治建设第一责任人职责情况";
            case PLANS -> (year + 1) + "年推进法治政府建设的主要安排";
            case OTHER -> "其他需要报告的情况";
            case PREAMBLE -> throw new IllegalArgumentException("the preamble has no heading");
        };
    }

    /** Paragraphs of 2–6 sentences of the kind until the length is reached. */
    private String body(SectionKind kind, int year, SentencePool.Place place, int length, SplittableRandom random) {
        List<SentencePool.Template> sentences = pool.sentences(kind);
        StringBuilder text = new StringBuilder(length + 200);
        int inParagraph = 0;
        int paragraph = random.nextInt(2, 7);
        while (text.length() < length) {
            if (inParagraph == paragraph) {
                text.append('\n');
                inParagraph = 0;
                paragraph = random.nextInt(2, 7);
            }
            sentences.get(random.nextInt(sentences.size())).render(text, year, place, random);
            inParagraph++;
        }
        return text.toString();
    }

    private static String contentHash(String body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(TextNormalizer.instance().phraseKey(body).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** What a generate run wrote. */
    public record GenerateSummary(int reports, long chars, int files, long millis) {
    }
}
