package fazhi.core.understand;

import fazhi.core.config.AnalysisConfig;
import fazhi.core.model.Region;
import fazhi.core.model.Report;
import fazhi.core.model.Section;
import fazhi.core.model.SectionKind;
import fazhi.core.model.Site;
import fazhi.core.region.Gazetteer;
import fazhi.core.region.RegionEvidence;
import fazhi.core.region.RegionResolver;
import fazhi.core.region.RegionRules;
import fazhi.core.text.TextNormalizer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Turns the evidence about one document into report records — or a reasoned rejection — for both the crawler and
 * the local importer. All rules are data in analysis-config/ (understanding/*.yml, gazetteer/): this class only
 * wires the one section classifier, the one fact reader, the one report decision and the one region resolver.
 *
 * <p>Instances are immutable after construction and safe to share between crawler threads.
 */
public final class ReportUnderstanding {
    private final SectionClassifier sections;
    private final FactReader facts;
    private final ReportDecision decision;
    private final RegionResolver regions;
    private final TextNormalizer normalizer = TextNormalizer.instance();

    /** Understanding with the configuration shipped in the core jar (analysis-config/ on the classpath). */
    public ReportUnderstanding() {
        this(AnalysisConfig.shipped());
    }

    public ReportUnderstanding(AnalysisConfig config) {
        regions = new RegionResolver(Gazetteer.load(config), config.yaml("understanding/region.yml", RegionRules.class));
        sections = SectionClassifier.load(config);
        facts = FactReader.load(config, regions);
        decision = ReportDecision.load(config);
    }

    public SectionClassifier sectionClassifier() {
        return sections;
    }

    public RegionResolver regionResolver() {
        return regions;
    }

    public Understanding understand(PageEvidence evidence) {
        String body = evidence.bodyText();
        if (normalizer.phraseKey(body).isEmpty()) {
            return Understanding.rejected("empty", "页面没有正文");
        }
        List<String> allLines = cleanLines(body);
        FactReader.TextMetadata metadata = facts.metadata(allLines);
        SectionClassifier.Pieces pieces = sections.pieces(body);
        boolean several = pieces.texts().size() > 1;
        List<List<String>> pieceLines = several
                ? pieces.texts().stream().map(t -> facts.withoutChrome(cleanLines(t))).toList()
                : List.of(facts.withoutChrome(allLines));

        String pageTitle = blankToNull(evidence.title());
        if (pageTitle == null) {
            List<String> head = several ? facts.withoutChrome(cleanLines(pieces.header())) : pieceLines.get(0);
            FactReader.FoundTitle found = facts.title(head, sections.firstTopHeading(head));
            pageTitle = found == null ? null : found.text();
        }
        ReportDecision.Decision verdict = decision.decide(pageTitle, body, facts.withoutChrome(allLines));
        if (!verdict.accepted()) {
            return Understanding.rejected(verdict.code(), verdict.reason());
        }
        List<Report> reports = new ArrayList<>();
        for (int i = 0; i < pieceLines.size(); i++) {
            reports.add(several
                    ? report(evidence, metadata, pieceLines.get(i), null, i + 1, pageTitle == null ? null : pageTitle + pieces.marks().get(i))
                    : report(evidence, metadata, pieceLines.get(i), pageTitle, 0, null));
        }
        return Understanding.of(reports);
    }

    /**
     * The facts of a document (title, issuer, level, year, dates, region) without deciding whether it is a report
     * and without sections: what the evaluation measures, and what extract shows for a rejected page.
     */
    public ReportFacts readFacts(PageEvidence evidence) {
        List<String> lines = cleanLines(evidence.bodyText());
        return facts(evidence, facts.metadata(lines), facts.withoutChrome(lines), blankToNull(evidence.title())).facts();
    }

    private record Read(ReportFacts facts, Set<Integer> titleLines) {
    }

    private Read facts(PageEvidence evidence, FactReader.TextMetadata metadata, List<String> lines, String knownTitle) {
        int firstHeading = sections.firstTopHeading(lines);
        FactReader.FoundTitle found = facts.title(lines, firstHeading);
        if (found != null && knownTitle != null && !FactReader.key(found.text()).equals(FactReader.key(knownTitle))) {
            found = null; // the page has its title; this line is body text that merely reads like one
        }
        Set<Integer> titleLines = found == null ? Set.of() : found.lines();
        String title = knownTitle != null ? knownTitle : found == null ? null : found.text();
        String source = blankToNull(evidence.source()) != null ? evidence.source().strip() : metadata.source();
        String issuer = facts.issuer(title, source, lines, titleLines);
        List<String> opening = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!titleLines.contains(i)) {
                opening.add(lines.get(i));
            }
        }
        Integer year = facts.year(title, opening);
        LocalDate published = evidence.published() != null ? evidence.published()
                : metadata.published() != null ? metadata.published() : facts.signatureDate(lines);
        String siteIdCode = blankToNull(evidence.siteIdCode()) != null ? evidence.siteIdCode().strip() : metadata.siteIdCode();
        String named = (title == null ? "" : title) + " " + (issuer == null ? "" : issuer);
        Region region = regions.resolve(new RegionEvidence(named, source, siteIdCode, evidence.configuredRegion(), evidence.url()));
        return new Read(new ReportFacts(title, issuer, facts.level(issuer), year, published, region), titleLines);
    }

    /**
     * One report of a page from its cleaned lines without chrome; {@code piece} numbers the reports of a page that holds several (0: the only one), and
     * {@code fallbackTitle} names such a piece when it has no title of its own (page title + 【篇一】).
     */
    private Report report(PageEvidence evidence, FactReader.TextMetadata pageMetadata, List<String> lines, String title, int piece,
            String fallbackTitle) {
        Read read = facts(evidence, pageMetadata, lines, title);
        ReportFacts f = read.facts();
        String displayTitle = f.title() != null ? f.title() : fallbackTitle;
        List<Section> parts = sections.sections(lines, read.titleLines());
        String text = String.join("\n", parts.stream().map(s -> (s.heading() == null ? "" : s.heading() + "\n") + s.text()).toList());
        String hash = sha256(normalizer.phraseKey(text));
        String url = evidence.url() == null ? null : piece > 0 ? evidence.url() + "#篇" + piece : evidence.url();
        String siteIdCode = blankToNull(evidence.siteIdCode()) != null ? evidence.siteIdCode().strip() : pageMetadata.siteIdCode();
        return new Report(hash.substring(0, 16), url, url == null ? List.of() : List.of(url), displayTitle, f.issuer(), f.level(),
                f.year(), f.published(), f.region(), new Site(blankToNull(evidence.siteName()), siteIdCode), parts,
                evidence.attachments(), hash);
    }

    /**
     * The kind of the top-level section a line starts, given its body opening (for evaluation and tools). A line the
     * heading rules do not read as a heading (an addressee such as 区政府：, the report's own title) starts no
     * section: it is text before the first heading, the preamble (domain.md §1).
     */
    public SectionKind classifyHeading(String heading, String bodyOpening) {
        if (sections.heading(sections.clean(heading)) == null) {
            return SectionKind.PREAMBLE;
        }
        return sections.classify(heading, bodyOpening);
    }

    private List<String> cleanLines(String text) {
        return text.lines().map(sections::clean).filter(l -> !l.isEmpty()).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() || value.strip().equalsIgnoreCase("null") ? null : value.strip();
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
