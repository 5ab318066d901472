package fazhi.indexer;

import fazhi.core.corpus.CorpusStore;
import fazhi.core.json.ReportJson;
import fazhi.core.model.Level;
import fazhi.core.model.Region;
import fazhi.core.model.Report;
import fazhi.core.model.Section;
import fazhi.core.model.SectionKind;
import fazhi.core.text.TextNormalizer;
import fazhi.indexer.index.IndexProgress;
import fazhi.indexer.index.Indexer;
import fazhi.indexer.schema.IndexSchema;
import fazhi.indexer.search.SearchRequest;
import fazhi.indexer.search.SearchService;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/** Test corpora and the plumbing to index them the real way (corpus store → Indexer → SearchService). */
public final class TestCorpora {
    private TestCorpora() {
    }

    /** The nine sample reports (samples/seeds imported by ./portal import), as a JSONL fixture. */
    public static List<Report> sample() throws IOException {
        List<Report> reports = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                TestCorpora.class.getResourceAsStream("sample-corpus.jsonl"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    reports.add(ReportJson.fromLine(line));
                }
            }
        }
        return reports;
    }

    /** Writes the reports as the corpus of {@code dataDir} and indexes it incrementally. */
    public static void index(Path dataDir, Collection<Report> reports) throws IOException {
        new CorpusStore(dataDir).append("test", List.copyOf(reports));
        new Indexer(dataDir).index(false, IndexProgress.NONE);
    }

    public static SearchService indexAndOpen(Path dataDir, Collection<Report> reports) throws IOException {
        index(dataDir, reports);
        return SearchService.open(dataDir);
    }

    /** Ids of every hit of a request (the whole result set, via the streaming API that builds full hits). */
    public static Set<String> ids(SearchService service, SearchRequest request) throws IOException {
        Set<String> ids = new TreeSet<>();
        service.forEachHit(request, 0, hit -> ids.add(hit.id()));
        Set<String> light = new TreeSet<>(service.reportIds(request, 0));
        if (!light.equals(ids)) {
            throw new AssertionError("reportIds and forEachHit disagree for " + request + ": " + light + " vs " + ids);
        }
        return ids;
    }

    /** Ids of every hit, without building hits (for thousands of queries). */
    public static Set<String> matchingIds(SearchService service, String q) {
        return new TreeSet<>(service.reportIds(SearchRequest.of(q), 0));
    }

    public static Set<String> ids(SearchService service, String q) throws IOException {
        return ids(service, SearchRequest.of(q));
    }

    /** Substring truth: reports with a section (of the given kinds; none = any) whose phrase key contains {@code query}'s. */
    public static Set<String> truth(List<Report> reports, String query, SectionKind... kinds) {
        return new Truth(reports).of(query, kinds);
    }

    /** The phrase keys of every section, computed once, for many truth look-ups (grep over normalised records). */
    public static final class Truth {
        private record Keyed(String reportId, SectionKind kind, String key) {
        }

        private final List<Keyed> sections = new ArrayList<>();

        public Truth(List<Report> reports) {
            for (Report r : reports) {
                for (Section s : r.sections()) {
                    sections.add(new Keyed(r.id(), s.kind(),
                            TextNormalizer.instance().phraseKey(IndexSchema.sectionContent(s.heading(), s.text()))));
                }
            }
        }

        public Set<String> of(String query, SectionKind... kinds) {
            String key = TextNormalizer.instance().phraseKey(query);
            Set<SectionKind> allowed = kinds.length == 0 ? Set.of(SectionKind.values()) : Set.of(kinds);
            Set<String> ids = new TreeSet<>();
            for (Keyed s : sections) {
                if (allowed.contains(s.kind()) && s.key().contains(key)) {
                    ids.add(s.reportId());
                }
            }
            return ids;
        }
    }

    public static Report report(String id, Integer year, LocalDate published, Level level, Region region, Section... sections) {
        return new Report(id, "https://example.gov.cn/" + id + ".html", null, "报告 " + id, "发布机关 " + id, level, year,
                published, region, null, List.of(sections), null, null);
    }

    /**
     * Reports of random text over a mid-sized alphabet, salted with domain phrases written in the ways real pages
     * write them (quoted, spaced, full-width, traditional, mixed case) so normalisation is exercised.
     */
    public static List<Report> generated(int count, long seed) {
        Random random = new Random(seed);
        String alphabet = "法治政府建设年度报告推进依法行政主要举措成效存在不足原因党政负责人履行第一责任职下步工作安排其他情况"
                + "区镇街道乡村社会矛盾纠纷调解执法监督公开透明规范文件审查备案复议诉讼应诉普宣传教育干部群众服务管理"
                + "国務縣區鄉長門開關這說時會來們為與後發當經過還進種樣點學現實際問題農業產權";
        String[] salts = {"民情茶室", "“民情”茶室", "民 情 茶 室", "法律顾问", "法律顧問", "放管服", "「放管服」", "一网通办",
            "一網通辦", "易家小院", "七五普法", "“七五”普法", "２０２１年", "2021 年", "PDF文件", "pdf文件", "Ｗｅｂ端"};
        SectionKind[] kinds = SectionKind.values();
        String[] punctuation = {"，", "。", "、", "；", "：", " ", "\n", "（", "）", "《", "》"};
        List<Report> reports = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int sectionCount = 1 + random.nextInt(3);
            List<Section> sections = new ArrayList<>();
            for (int s = 0; s < sectionCount; s++) {
                StringBuilder text = new StringBuilder();
                int length = 40 + random.nextInt(120);
                while (text.length() < length) {
                    int r = random.nextInt(100);
                    if (r < 4) {
                        text.append(salts[random.nextInt(salts.length)]);
                    } else if (r < 16) {
                        text.append(punctuation[random.nextInt(punctuation.length)]);
                    } else {
                        text.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
                    }
                }
                String heading = s == 0 && random.nextBoolean() ? null : "第" + (s + 1) + "部分" + alphabet.charAt(random.nextInt(20));
                sections.add(new Section(heading, kinds[random.nextInt(kinds.length)], text.toString()));
            }
            reports.add(new Report("g" + i, "https://example.gov.cn/g" + i, null, "生成报告" + i, "机关" + (i % 17),
                    Level.values()[i % Level.values().length], 2018 + i % 6, LocalDate.of(2019 + i % 6, 1 + i % 12, 1 + i % 28),
                    null, null, sections, null, null));
        }
        return reports;
    }

    /** Distinct 2-, 3- and 4-key-char substrings of the phrase keys of sentences drawn from the reports. */
    public static Set<String> substringQueries(List<Report> reports, int sentences, long seed) {
        List<String> all = new ArrayList<>();
        for (Report r : reports) {
            for (Section s : r.sections()) {
                for (String sentence : s.text().split("[。！？\\n]")) {
                    if (TextNormalizer.instance().phraseKey(sentence).codePointCount(0, TextNormalizer.instance().phraseKey(sentence).length()) >= 4) {
                        all.add(sentence);
                    }
                }
            }
        }
        Random random = new Random(seed);
        Set<String> queries = new LinkedHashSet<>();
        for (int i = 0; i < sentences && !all.isEmpty(); i++) {
            String key = TextNormalizer.instance().phraseKey(all.get(random.nextInt(all.size())));
            int[] cps = key.codePoints().toArray();
            for (int len = 2; len <= 4; len++) {
                for (int start = 0; start + len <= cps.length; start++) {
                    queries.add(new String(cps, start, len));
                }
            }
        }
        return queries;
    }
}
