package fazhi.indexer.search;

import fazhi.core.BadInputException;
import fazhi.core.model.Level;
import fazhi.core.model.SectionKind;
import fazhi.core.text.TextNormalizer;
import fazhi.indexer.analysis.Analyzers;
import fazhi.indexer.analysis.KeyGramTokenizer;
import fazhi.indexer.analysis.Synonyms;
import fazhi.indexer.analysis.UserDictionary;
import fazhi.indexer.schema.IndexSchema;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.join.BitSetProducer;
import org.apache.lucene.search.join.ScoreMode;
import org.apache.lucene.search.join.ToParentBlockJoinQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

/**
 * The one translator from the query language (design.md) to Lucene queries.
 *
 * <p>Language: bare words are phrases (民情茶室 matches the phrase, never the OR of its segments); whitespace is AND;
 * {@code "quoted text"} is one phrase; {@code OR}, {@code AND}, {@code NOT}, {@code -word}, {@code +word},
 * parentheses; {@code "a b"~N} finds a and b within N characters of each other in one section; field restrictions
 * {@code section:KIND} (code or Chinese label, several with commas), {@code year:2021} or {@code year:2019-2021},
 * {@code region:NAME|CODE}, {@code level:LEVEL}. {@code *} alone means every report. Wildcards and regular
 * expressions are not part of the language: {@code *}, {@code ?}, {@code /} inside words are punctuation and are
 * ignored like all punctuation, so no query can expand into a term scan.
 *
 * <p>Semantics: a phrase is matched per section, as substring search on the normalised text (the phrase field, see
 * {@link fazhi.indexer.analysis.KeyGramTokenizer}); the Boolean operators combine at report level (法律顾问 合同 =
 * a report containing both). {@code section:KIND} applies to the phrases of the group it stands in (its
 * parentheses, or the whole query): {@code section:problems 执法} = 执法 inside a problems section. The request's
 * section facet applies to every phrase the same way.
 *
 * <p>Ranking: each phrase clause requires the phrase on the phrase field and adds optional clauses on the smartcn
 * field (BM25 over the user-dictionary segmentation) and, with a lower weight, on the smartcn field for each synonym
 * (analysis-config/dictionary/synonyms.txt). Synonyms therefore only reorder: the matching set is exactly the
 * reports that contain the literal phrase. Where the phrase names a section kind (不足, 问题 → problems; 安排 →
 * plans …, by the kinds' Chinese labels), sections of that kind score higher.
 *
 * <p>Limits keep every input safe: at most {@link #MAX_QUERY_LENGTH} characters, {@link #MAX_DEPTH} levels of
 * nesting and {@link #MAX_CLAUSES} phrases; beyond them a {@link BadInputException} says what to change. The parser
 * is recursive only in nesting depth, which is bounded, so no input can overflow the stack.
 */
public final class QueryTranslator {
    public static final int MAX_QUERY_LENGTH = 1000;
    public static final int MAX_DEPTH = 16;
    public static final int MAX_CLAUSES = 64;
    public static final int MAX_SLOP = 10_000;

    /** Weight of the phrase-field clause relative to the smartcn clause (1.0). */
    static final float PHRASE_BOOST = 0.5f;
    static final float SYNONYM_BOOST = 0.3f;
    static final float KIND_BOOST = 2.0f;

    private static final Pattern FIELD = Pattern.compile("(?i)(section|kind|year|region|level):(.*)");
    private static final Pattern YEAR_RANGE = Pattern.compile("(\\d{4})\\s*[-–~至]\\s*(\\d{4})");
    // Compiled once: String.matches and split with a class compile their pattern on every call, once per request.
    private static final Pattern SPACES = Pattern.compile("[\\s\\u3000]+");
    private static final Pattern KIND_SEPARATORS = Pattern.compile("[,，|]");
    private static final Pattern DIVISION_CODE = Pattern.compile("\\d{2,12}");

    private final Analyzer ranking;
    private final Synonyms synonyms;
    private final BitSetProducer reports;

    public QueryTranslator(UserDictionary dictionary, Synonyms synonyms, BitSetProducer reports) {
        this.ranking = Analyzers.ranking(dictionary);
        this.synonyms = synonyms;
        this.reports = reports;
    }

    // ------------------------------------------------------------------ syntax tree

    /** A parsed query: the tree plus what highlighting needs. */
    public static final class ParsedQuery {
        private final String text;
        private final Node root;

        private ParsedQuery(String text, Node root) {
            this.text = text;
            this.root = root;
        }

        public String text() {
            return text;
        }

        /** True when the query has no text condition at all (blank): every report matches. */
        public boolean isBrowse() {
            return root == null;
        }

        @Override
        public String toString() {
            return String.valueOf(root);
        }
    }

    sealed interface Node permits Phrase, Near, And, Or, Not, Everything, Filter {
    }

    /** One phrase: {@code raw} as typed (for the smartcn clause), {@code key} its phrase key (for matching). */
    record Phrase(String raw, String key) implements Node {
    }

    record Near(List<String> raws, List<String> keys, int slop) implements Node {
    }

    /** Conjunction; {@code kinds} are the section: restrictions written in this group (empty = none). */
    record And(List<Node> children, Set<SectionKind> kinds) implements Node {
    }

    record Or(List<Node> children) implements Node {
    }

    record Not(Node child) implements Node {
    }

    record Everything() implements Node {
    }

    /** A report-level filter written in the query: year:, region:, level:. */
    record Filter(String field, String value) implements Node {
    }

    // ------------------------------------------------------------------ parsing

    private enum Type { WORD, QUOTED, LPAREN, RPAREN, OR, AND, NOT }

    private record Token(Type type, String text, int slop, boolean negated) {
    }

    /** Parses a query; blank text gives a browse query (every report). */
    public ParsedQuery parse(String q) {
        String text = q == null ? "" : q.strip();
        if (text.length() > MAX_QUERY_LENGTH) {
            throw new BadInputException("query-too-long", "查询过长：共 " + text.length() + " 个字符，最多 " + MAX_QUERY_LENGTH
                    + " 个。请缩短查询，或分成几次检索。");
        }
        if (text.isEmpty()) {
            return new ParsedQuery("", null);
        }
        Parser parser = new Parser(tokenize(text));
        Node root = parser.parseOr(0);
        while (parser.hasMore()) {
            // A stray closing parenthesis: skip it and continue with what follows, as an AND.
            parser.next();
            Node rest = parser.parseOr(0);
            root = combineAnd(root, rest);
        }
        root = simplify(root);
        if (root == null) {
            throw new BadInputException("query-no-text", "查询中没有可检索的文字：请输入汉字、字母或数字（标点和通配符会被忽略；输入 * 可列出全部报告）。");
        }
        int[] clauses = {0};
        countClauses(root, clauses);
        if (clauses[0] > MAX_CLAUSES) {
            throw new BadInputException("query-too-complex", "查询条件过多：共 " + clauses[0] + " 个检索词，最多 " + MAX_CLAUSES + " 个。");
        }
        return new ParsedQuery(text, root);
    }

    private static Node combineAnd(Node a, Node b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return new And(List.of(a, b), Set.of());
    }

    private static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\u3000') {
                i++;
            } else if (c == '(') {
                tokens.add(new Token(Type.LPAREN, "(", 0, false));
                i++;
            } else if (c == ')') {
                tokens.add(new Token(Type.RPAREN, ")", 0, false));
                i++;
            } else if (isOpenQuote(c) || ((c == '-' || c == '+') && i + 1 < n && isOpenQuote(text.charAt(i + 1)))) {
                boolean negated = c == '-';
                if (!isOpenQuote(c)) {
                    i++;
                }
                int start = i + 1;
                int end = start;
                while (end < n && !isCloseQuote(text.charAt(end))) {
                    end++;
                }
                String inner = text.substring(start, end);
                i = Math.min(n, end + 1); // an unterminated quote runs to the end of the query
                int slop = -1;
                if (end < n && i < n && text.charAt(i) == '~') {
                    int d = i + 1;
                    while (d < n && Character.isDigit(text.charAt(d)) && d - i <= 6) {
                        d++;
                    }
                    if (d > i + 1) {
                        slop = Math.min(MAX_SLOP, Integer.parseInt(text.substring(i + 1, d)));
                        i = d;
                    }
                }
                tokens.add(new Token(Type.QUOTED, inner, slop, negated));
            } else {
                int start = i;
                while (i < n && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '\u3000'
                        && text.charAt(i) != '(' && text.charAt(i) != ')' && !isOpenQuote(text.charAt(i))) {
                    i++;
                }
                String word = text.substring(start, i);
                switch (word) {
                    case "OR", "||" -> tokens.add(new Token(Type.OR, word, 0, false));
                    case "AND", "&&" -> tokens.add(new Token(Type.AND, word, 0, false));
                    case "NOT" -> tokens.add(new Token(Type.NOT, word, 0, false));
                    default -> {
                        boolean negated = word.length() > 1 && word.charAt(0) == '-';
                        if (negated || (word.length() > 1 && word.charAt(0) == '+')) {
                            word = word.substring(1);
                        }
                        tokens.add(new Token(Type.WORD, word, 0, negated));
                    }
                }
            }
        }
        return tokens;
    }

    private static boolean isOpenQuote(char c) {
        return c == '"' || c == '“' || c == '”';
    }

    private static boolean isCloseQuote(char c) {
        return c == '"' || c == '”' || c == '“';
    }

    private final class Parser {
        private final List<Token> tokens;
        private int pos;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        boolean hasMore() {
            return pos < tokens.size();
        }

        Token next() {
            return tokens.get(pos++);
        }

        Token peek() {
            return pos < tokens.size() ? tokens.get(pos) : null;
        }

        Node parseOr(int depth) {
            List<Node> alternatives = new ArrayList<>();
            alternatives.add(parseAnd(depth));
            while (peek() != null && peek().type() == Type.OR) {
                next();
                alternatives.add(parseAnd(depth));
            }
            List<Node> present = alternatives.stream().filter(a -> a != null).toList();
            if (present.isEmpty()) {
                return null;
            }
            return present.size() == 1 ? present.getFirst() : new Or(present);
        }

        Node parseAnd(int depth) {
            List<Node> children = new ArrayList<>();
            Set<SectionKind> kinds = EnumSet.noneOf(SectionKind.class);
            while (peek() != null && peek().type() != Type.OR && peek().type() != Type.RPAREN) {
                if (peek().type() == Type.AND) {
                    next();
                    continue;
                }
                Token t = peek();
                if (t.type() == Type.WORD && !t.negated()) {
                    Matcher field = FIELD.matcher(t.text());
                    if (field.matches() && isKindField(field.group(1))) {
                        next();
                        kinds.addAll(parseKinds(field.group(2)));
                        continue;
                    }
                }
                Node child = parseUnary(depth);
                if (child != null) {
                    children.add(child);
                }
            }
            if (children.isEmpty() && kinds.isEmpty()) {
                return null;
            }
            if (children.size() == 1 && kinds.isEmpty()) {
                return children.getFirst();
            }
            return new And(children, kinds);
        }

        Node parseUnary(int depth) {
            Token t = peek();
            if (t.type() == Type.NOT) {
                next();
                if (depth + 1 > MAX_DEPTH) {
                    throw tooDeep();
                }
                if (peek() == null || peek().type() == Type.OR || peek().type() == Type.RPAREN) {
                    return null; // a dangling NOT negates nothing
                }
                Node child = parseUnary(depth + 1);
                return child == null ? null : new Not(child);
            }
            return parsePrimary(depth);
        }

        Node parsePrimary(int depth) {
            Token t = next();
            switch (t.type()) {
                case LPAREN -> {
                    if (depth + 1 > MAX_DEPTH) {
                        throw tooDeep();
                    }
                    Node inner = parseOr(depth + 1);
                    if (peek() != null && peek().type() == Type.RPAREN) {
                        next();
                    }
                    return inner; // a missing ")" closes at the end of the query
                }
                case QUOTED -> {
                    Node node = t.slop() >= 0 ? near(t.text(), t.slop()) : phrase(t.text());
                    return node == null ? null : t.negated() ? new Not(node) : node;
                }
                case WORD -> {
                    Matcher field = FIELD.matcher(t.text());
                    Node node = field.matches() ? fieldNode(field.group(1).toLowerCase(Locale.ROOT), field.group(2)) : word(t.text());
                    return node == null ? null : t.negated() ? new Not(node) : node;
                }
                default -> {
                    return null; // AND/OR/RPAREN in a position where they mean nothing
                }
            }
        }
    }

    private static BadInputException tooDeep() {
        return new BadInputException("query-too-deep", "查询嵌套过深：括号和 NOT 最多嵌套 " + MAX_DEPTH + " 层。");
    }

    private static Node word(String text) {
        if (text.equals("*")) {
            return new Everything();
        }
        return phrase(text);
    }

    private static Node phrase(String text) {
        String key = TextNormalizer.instance().phraseKey(text);
        return key.isEmpty() ? null : new Phrase(text, key);
    }

    private static Node near(String text, int slop) {
        List<String> raws = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (String part : SPACES.split(text)) {
            String key = TextNormalizer.instance().phraseKey(part);
            if (!key.isEmpty()) {
                raws.add(part);
                keys.add(key);
            }
        }
        if (keys.isEmpty()) {
            return null;
        }
        if (keys.size() == 1) {
            return new Phrase(raws.getFirst(), keys.getFirst());
        }
        return new Near(raws, keys, slop);
    }

    private static Node fieldNode(String field, String value) {
        String v = value.strip();
        if (v.isEmpty()) {
            throw new BadInputException("query-empty-field", field + ": 后面缺少取值，例如 " + switch (field) {
                case "year" -> "year:2021";
                case "region" -> "region:渝北区";
                case "level" -> "level:township";
                default -> "section:problems";
            });
        }
        switch (field) {
            case "year" -> {
                Matcher range = YEAR_RANGE.matcher(v);
                if (range.matches()) {
                    int from = SearchRequest.parseYear(range.group(1));
                    int to = SearchRequest.parseYear(range.group(2));
                    return new Filter("year", Math.min(from, to) + "-" + Math.max(from, to));
                }
                return new Filter("year", String.valueOf(SearchRequest.parseYear(v)));
            }
            case "level" -> {
                return new Filter("level", SearchRequest.parseLevel(v).code());
            }
            default -> {
                return new Filter("region", v);
            }
        }
    }

    private static Set<SectionKind> parseKinds(String value) {
        if (value.isBlank()) {
            fieldNode("section", value);
        }
        Set<SectionKind> kinds = EnumSet.noneOf(SectionKind.class);
        for (String part : KIND_SEPARATORS.split(value)) {
            if (!part.isBlank()) {
                kinds.add(SearchRequest.parseSection(part));
            }
        }
        return kinds;
    }

    /** Drops empty groups and flattens single-child groups; null when nothing searchable remains. */
    private static Node simplify(Node node) {
        return switch (node) {
            case null -> null;
            case And and -> {
                List<Node> children = new ArrayList<>();
                for (Node child : and.children()) {
                    Node s = simplify(child);
                    if (s != null) {
                        children.add(s);
                    }
                }
                if (children.isEmpty() && and.kinds().isEmpty()) {
                    yield null;
                }
                yield children.size() == 1 && and.kinds().isEmpty() ? children.getFirst() : new And(children, and.kinds());
            }
            case Or or -> {
                List<Node> children = new ArrayList<>();
                for (Node child : or.children()) {
                    Node s = simplify(child);
                    if (s != null) {
                        children.add(s);
                    }
                }
                yield children.isEmpty() ? null : children.size() == 1 ? children.getFirst() : new Or(children);
            }
            case Not not -> {
                Node s = simplify(not.child());
                yield s == null ? null : new Not(s);
            }
            default -> node;
        };
    }

    private static void countClauses(Node node, int[] count) {
        switch (node) {
            case Phrase p -> count[0]++;
            case Near near -> count[0] += near.keys().size();
            case And and -> and.children().forEach(c -> countClauses(c, count));
            case Or or -> or.children().forEach(c -> countClauses(c, count));
            case Not not -> countClauses(not.child(), count);
            default -> count[0]++;
        }
    }

    // ------------------------------------------------------------------ translation

    /**
     * The Lucene side of a parsed query under a section restriction (the request's section facet; empty = none).
     *
     * @param reportQuery   matches report documents; scores them by their best-matching section per phrase
     * @param sectionQuery  matches the section documents that count as matches (shown with a hit), or null when the
     *                      query has no positive phrase and no section restriction (browsing: no sections shown)
     * @param highlightKeys phrase keys to mark in passages
     */
    public record Translation(Query reportQuery, Query sectionQuery, List<String> highlightKeys) {
    }

    public Translation translate(ParsedQuery parsed, Collection<SectionKind> facetKinds) {
        Set<SectionKind> scope = facetKinds.isEmpty() ? EnumSet.allOf(SectionKind.class) : EnumSet.copyOf(facetKinds);
        List<Query> sectionClauses = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        Query report;
        if (parsed.root == null) {
            report = allReports();
        } else {
            report = toReport(parsed.root, scope, true, sectionClauses, keys);
        }
        if (!facetKinds.isEmpty() && sectionClauses.isEmpty()) {
            // No positive phrase: the section facet still means "reports with a section of these kinds".
            Query kinds = kindFilter(scope);
            sectionClauses.add(kinds);
            report = new BooleanQuery.Builder().add(report, Occur.MUST).add(toParent(kinds), Occur.FILTER).build();
        }
        Query sections = null;
        if (!sectionClauses.isEmpty()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            sectionClauses.forEach(c -> any.add(c, Occur.SHOULD));
            sections = any.build();
        }
        return new Translation(report, sections, List.copyOf(keys));
    }

    /**
     * The section facet's question — for each kind K, which reports match {@code translate(parsed, {K})} — as an
     * expression over per-report facts that one pass over the matching sections gathers: for each section leaf (a
     * phrase, a near group, or "any section"), the kinds of the report's sections it matched. Only for queries
     * without negation whose every match needs a section match (restricting the kind then only removes reports,
     * so the candidates are the reports of the leaves' section matches); empty otherwise, and the facet is counted
     * one query per kind instead.
     *
     * @param sectionLeaves section-level queries (no kind restriction, no scoring clauses), by leaf index
     * @param reportLeaves  report-level filters written in the query (year:, region:, level:), by leaf index
     */
    public record KindPlan(List<Query> sectionLeaves, List<Query> reportLeaves, KindExpression root) {
    }

    /** Whether a report matches under one kind, given its per-leaf kind masks and report-filter hits. */
    public sealed interface KindExpression permits SectionLeaf, ReportLeaf, AllOf, AnyOf, Never {
        boolean matches(int[] kindMasks, boolean[] reportHits, int kindBit);

        /** True when every report it matches has a match of one of its section leaves. */
        boolean anchored();
    }

    /** True when section leaf {@code index} matched a section of this kind inside {@code scopeMask}. */
    record SectionLeaf(int index, int scopeMask) implements KindExpression {
        public boolean matches(int[] kindMasks, boolean[] reportHits, int kindBit) {
            return (kindMasks[index] & scopeMask & kindBit) != 0;
        }

        public boolean anchored() {
            return true;
        }
    }

    record ReportLeaf(int index) implements KindExpression {
        public boolean matches(int[] kindMasks, boolean[] reportHits, int kindBit) {
            return reportHits[index];
        }

        public boolean anchored() {
            return false;
        }
    }

    record AllOf(List<KindExpression> children) implements KindExpression {
        public boolean matches(int[] kindMasks, boolean[] reportHits, int kindBit) {
            for (KindExpression c : children) {
                if (!c.matches(kindMasks, reportHits, kindBit)) {
                    return false;
                }
            }
            return true;
        }

        public boolean anchored() {
            return children.stream().anyMatch(KindExpression::anchored);
        }
    }

    record AnyOf(List<KindExpression> children) implements KindExpression {
        public boolean matches(int[] kindMasks, boolean[] reportHits, int kindBit) {
            for (KindExpression c : children) {
                if (c.matches(kindMasks, reportHits, kindBit)) {
                    return true;
                }
            }
            return false;
        }

        public boolean anchored() {
            return !children.isEmpty() && children.stream().allMatch(KindExpression::anchored);
        }
    }

    /** A section: restriction that excludes the kind (matches nothing, so it needs no section either). */
    record Never() implements KindExpression {
        public boolean matches(int[] kindMasks, boolean[] reportHits, int kindBit) {
            return false;
        }

        public boolean anchored() {
            return true;
        }
    }

    /** Bit of a kind in the masks of {@link KindPlan}. */
    public static int kindBit(SectionKind kind) {
        return 1 << kind.ordinal();
    }

    /** The kinds' bits; every kind when none is given (no restriction). */
    public static int kindMask(Collection<SectionKind> kinds) {
        if (kinds.isEmpty()) {
            return ALL_KINDS;
        }
        int mask = 0;
        for (SectionKind k : kinds) {
            mask |= kindBit(k);
        }
        return mask;
    }

    private static final int ALL_KINDS = (1 << SectionKind.values().length) - 1;

    /** The one-pass plan of the section facet for {@code parsed}, when its shape allows one (see {@link KindPlan}). */
    public Optional<KindPlan> kindPlan(ParsedQuery parsed) {
        List<Query> sections = new ArrayList<>();
        List<Query> reports = new ArrayList<>();
        KindExpression root;
        boolean[] positiveSection = new boolean[1];
        if (parsed.root == null) {
            root = null;
        } else {
            root = kindExpression(parsed.root, ALL_KINDS, sections, reports, positiveSection);
            if (root == null) {
                return Optional.empty();
            }
        }
        if (!positiveSection[0]) {
            // As in translate: without a positive phrase, the facet means "reports with a section of this kind".
            sections.add(anySection());
            KindExpression any = new SectionLeaf(sections.size() - 1, ALL_KINDS);
            root = root == null ? any : new AllOf(List.of(root, any));
        }
        return root.anchored() ? Optional.of(new KindPlan(List.copyOf(sections), List.copyOf(reports), root)) : Optional.empty();
    }

    /** Mirrors {@link #toReport} for a positive, negation-free tree; null when the tree has a negation. */
    private KindExpression kindExpression(Node node, int scope, List<Query> sections, List<Query> reports, boolean[] positiveSection) {
        return switch (node) {
            case Phrase p -> {
                sections.add(keyQuery(p.key()));
                positiveSection[0] = true;
                yield new SectionLeaf(sections.size() - 1, scope);
            }
            case Near near -> {
                sections.add(spanNear(near));
                positiveSection[0] = true;
                yield new SectionLeaf(sections.size() - 1, scope);
            }
            case Everything e -> new AllOf(List.of());
            case Filter f -> {
                reports.add(filterQuery(f));
                yield new ReportLeaf(reports.size() - 1);
            }
            case Not not -> null;
            case Or or -> {
                List<KindExpression> children = new ArrayList<>();
                for (Node child : or.children()) {
                    KindExpression c = kindExpression(child, scope, sections, reports, positiveSection);
                    if (c == null) {
                        yield null;
                    }
                    children.add(c);
                }
                yield new AnyOf(children);
            }
            case And and -> {
                int inner = scope & kindMask(and.kinds());
                if (inner == 0) {
                    yield new Never();
                }
                List<KindExpression> children = new ArrayList<>();
                boolean hasPositive = false;
                for (Node child : and.children()) {
                    if (child instanceof Not) {
                        yield null;
                    }
                    KindExpression c = kindExpression(child, inner, sections, reports, positiveSection);
                    if (c == null) {
                        yield null;
                    }
                    children.add(c);
                    hasPositive |= !(child instanceof Filter);
                }
                if (!hasPositive && !and.kinds().isEmpty()) {
                    sections.add(anySection());
                    positiveSection[0] = true;
                    children.add(new SectionLeaf(sections.size() - 1, inner));
                }
                yield new AllOf(children);
            }
        };
    }

    /**
     * A query that is one phrase (or near group), or a flat conjunction of phrases, near groups and report filters:
     * the shape of most searches, which {@link OnePassSearch} answers — score, page, total, facets and section
     * facet — in one walk over the matching sections instead of a block join per clause plus a pass per facet.
     *
     * @param leaves  the positive section clauses, in clause order
     * @param filters report-level filters written in the query (year:, region:, level:)
     */
    public record Conjunction(List<ConjunctionLeaf> leaves, List<Query> filters) {
    }

    /**
     * One section clause: {@code scored} is its section query without kind restriction (what the block join scores
     * each section with); it matches only sections of a kind in {@code scopeMask} ({@link #kindBit} bits).
     */
    public record ConjunctionLeaf(Query scored, int scopeMask) {
    }

    /** The conjunction form of {@code parsed}, when it has that shape (see {@link Conjunction}). */
    public Optional<Conjunction> conjunction(ParsedQuery parsed) {
        Node root = parsed.root;
        Set<SectionKind> all = EnumSet.allOf(SectionKind.class);
        if (root instanceof Phrase p) {
            return Optional.of(new Conjunction(List.of(new ConjunctionLeaf(phraseInSection(p, all), ALL_KINDS)), List.of()));
        }
        if (root instanceof Near near) {
            return Optional.of(new Conjunction(List.of(new ConjunctionLeaf(nearInSection(near, all), ALL_KINDS)), List.of()));
        }
        if (!(root instanceof And and)) {
            return Optional.empty();
        }
        int scope = kindMask(and.kinds());
        List<ConjunctionLeaf> leaves = new ArrayList<>();
        List<Query> filters = new ArrayList<>();
        for (Node child : and.children()) {
            switch (child) {
                case Phrase p -> leaves.add(new ConjunctionLeaf(phraseInSection(p, all), scope));
                case Near near -> leaves.add(new ConjunctionLeaf(nearInSection(near, all), scope));
                case Filter f -> filters.add(filterQuery(f));
                default -> {
                    return Optional.empty();
                }
            }
        }
        return leaves.isEmpty() ? Optional.empty() : Optional.of(new Conjunction(List.copyOf(leaves), List.copyOf(filters)));
    }

    /** The report documents of a segment (the parents of the block join). */
    BitSetProducer reportDocs() {
        return reports;
    }

    /** Every report document. */
    public static Query allReports() {
        return new TermQuery(new Term(IndexSchema.DOC_TYPE, IndexSchema.TYPE_REPORT));
    }

    private Query toReport(Node node, Set<SectionKind> scope, boolean positive, List<Query> sectionClauses, Set<String> keys) {
        return switch (node) {
            case Phrase p -> {
                Query child = phraseInSection(p, scope);
                if (positive) {
                    sectionClauses.add(child);
                    keys.add(p.key());
                }
                yield toParent(child);
            }
            case Near near -> {
                Query child = nearInSection(near, scope);
                if (positive) {
                    sectionClauses.add(child);
                    keys.addAll(near.keys());
                }
                yield toParent(child);
            }
            case Everything e -> allReports();
            case Filter f -> filterQuery(f);
            case Not not -> new BooleanQuery.Builder().add(allReports(), Occur.MUST)
                    .add(toReport(not.child(), scope, !positive, sectionClauses, keys), Occur.MUST_NOT).build();
            case Or or -> {
                BooleanQuery.Builder b = new BooleanQuery.Builder();
                for (Node child : or.children()) {
                    b.add(toReport(child, scope, positive, sectionClauses, keys), Occur.SHOULD);
                }
                yield b.setMinimumNumberShouldMatch(1).build();
            }
            case And and -> {
                Set<SectionKind> inner = scope;
                if (!and.kinds().isEmpty()) {
                    inner = EnumSet.copyOf(scope);
                    inner.retainAll(and.kinds());
                    if (inner.isEmpty()) {
                        yield new MatchNoDocsQuery("section: restriction excludes every selected section kind");
                    }
                }
                BooleanQuery.Builder b = new BooleanQuery.Builder();
                boolean hasPositive = false;
                for (Node child : and.children()) {
                    if (child instanceof Not not) {
                        b.add(toReport(not.child(), inner, !positive, sectionClauses, keys), Occur.MUST_NOT);
                    } else if (child instanceof Filter f) {
                        b.add(filterQuery(f), Occur.FILTER);
                    } else {
                        b.add(toReport(child, inner, positive, sectionClauses, keys), Occur.MUST);
                        hasPositive = true;
                    }
                }
                if (!hasPositive) {
                    if (!and.kinds().isEmpty()) {
                        Query kinds = kindFilter(inner);
                        if (positive) {
                            sectionClauses.add(kinds);
                        }
                        b.add(toParent(kinds), Occur.MUST);
                    } else {
                        b.add(allReports(), Occur.MUST);
                    }
                }
                yield b.build();
            }
        };
    }

    private Query toParent(Query child) {
        return new ToParentBlockJoinQuery(child, reports, ScoreMode.Max);
    }

    /** A phrase inside one section of the allowed kinds: recall from the phrase field, ranking from smartcn. */
    Query phraseInSection(Phrase phrase, Set<SectionKind> scope) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(new BoostQuery(keyQuery(phrase.key()), PHRASE_BOOST), Occur.MUST);
        Query ranked = rankingQuery(phrase.raw());
        if (ranked != null) {
            b.add(ranked, Occur.SHOULD);
        }
        for (String synonym : synonyms.expand(phrase.raw())) {
            Query q = new QueryBuilder(ranking).createPhraseQuery(IndexSchema.SECTION_RANKING, synonym);
            if (q != null) {
                b.add(new BoostQuery(q, SYNONYM_BOOST), Occur.SHOULD);
            }
        }
        addKindRestriction(b, scope);
        Query named = namedKindBoost(phrase.key());
        if (named != null) {
            b.add(named, Occur.SHOULD);
        }
        return b.build();
    }

    private Query nearInSection(Near near, Set<SectionKind> scope) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(new BoostQuery(spanNear(near), PHRASE_BOOST), Occur.MUST);
        for (String raw : near.raws()) {
            Query ranked = rankingQuery(raw);
            if (ranked != null) {
                b.add(ranked, Occur.SHOULD);
            }
        }
        addKindRestriction(b, scope);
        return b.build();
    }

    private static void addKindRestriction(BooleanQuery.Builder b, Set<SectionKind> scope) {
        if (scope.size() < SectionKind.values().length) {
            b.add(kindFilter(scope), Occur.FILTER);
        }
    }

    static Query kindFilter(Set<SectionKind> kinds) {
        List<BytesRef> codes = kinds.stream().map(k -> new BytesRef(k.code())).toList();
        return new TermInSetQuery(IndexSchema.SECTION_KIND, codes);
    }

    /**
     * Exact phrase on the phrase field: one key char is a unigram term, two a bigram; longer keys are grams at their
     * offsets covering every char (see KeyGramTokenizer), which is substring search on the phrase key: from the
     * start, a trigram where the tokenizer indexed one (after one of the frequent bigrams it lists), else a bigram,
     * and the last chars by a gram ending at the key's end. A three-char phrase starting with a frequent bigram is
     * then one term (no positions to read), and a trigram is far rarer than its frequent bigram, so fewer sections
     * are candidates; bigrams that start no trigram are rare enough already.
     */
    public static Query keyQuery(String key) {
        int[] cps = key.codePoints().toArray();
        int n = cps.length;
        if (n == 1 || n == 2 || n == 3 && KeyGramTokenizer.trigramAt(cps[0], cps[1])) {
            return new TermQuery(new Term(IndexSchema.SECTION_KEY, key));
        }
        PhraseQuery.Builder b = new PhraseQuery.Builder();
        int i = 0;
        while (i < n) {
            int gram;
            int at = i;
            if (i + 3 <= n && KeyGramTokenizer.trigramAt(cps[i], cps[i + 1])) {
                gram = 3;
            } else if (i + 2 <= n) {
                gram = 2;
            } else { // one char left: the gram that ends with it
                gram = n >= 3 && KeyGramTokenizer.trigramAt(cps[n - 3], cps[n - 2]) ? 3 : 2;
                at = n - gram;
            }
            b.add(new Term(IndexSchema.SECTION_KEY, new String(cps, at, gram)), at);
            i = at + gram;
        }
        return b.build();
    }

    /** The phrases of a near group within its slop, in any order (its matching, without scoring clauses). */
    private static SpanQuery spanNear(Near near) {
        List<SpanQuery> parts = new ArrayList<>();
        for (String key : near.keys()) {
            parts.add(spanPhrase(key));
        }
        return new SpanNearQuery(parts.toArray(SpanQuery[]::new), near.slop(), false);
    }

    /** Every section document. */
    private static Query anySection() {
        return new TermQuery(new Term(IndexSchema.DOC_TYPE, IndexSchema.TYPE_SECTION));
    }

    private static SpanQuery spanPhrase(String key) {
        int[] cps = key.codePoints().toArray();
        if (cps.length == 1) {
            return new SpanTermQuery(new Term(IndexSchema.SECTION_KEY, key));
        }
        List<SpanQuery> grams = new ArrayList<>();
        for (int i = 0; i + 1 < cps.length; i++) {
            grams.add(new SpanTermQuery(new Term(IndexSchema.SECTION_KEY, new String(cps, i, 2))));
        }
        return grams.size() == 1 ? grams.getFirst() : new SpanNearQuery(grams.toArray(SpanQuery[]::new), 0, true);
    }

    private Query rankingQuery(String raw) {
        return new QueryBuilder(ranking).createBooleanQuery(IndexSchema.SECTION_RANKING, raw, Occur.SHOULD);
    }

    /** Sections of the kind a phrase names (by the kinds' Chinese labels, e.g. 不足 → problems) score higher. */
    private static Query namedKindBoost(String key) {
        if (key.codePointCount(0, key.length()) < 2) {
            return null;
        }
        Set<SectionKind> named = EnumSet.noneOf(SectionKind.class);
        for (SectionKind kind : SectionKind.values()) {
            String label = TextNormalizer.instance().phraseKey(kind.label());
            if (label.contains(key) || key.contains(label)) {
                named.add(kind);
            }
        }
        if (named.isEmpty() || named.size() == SectionKind.values().length) {
            return null;
        }
        return new BoostQuery(new org.apache.lucene.search.ConstantScoreQuery(kindFilter(named)), KIND_BOOST);
    }

    /** year:, region:, level: written in the query, as report-level filters. */
    static Query filterQuery(Filter filter) {
        return switch (filter.field()) {
            case "year" -> {
                String v = filter.value();
                int dash = v.indexOf('-');
                yield dash > 0
                        ? org.apache.lucene.document.IntPoint.newRangeQuery(IndexSchema.YEAR, Integer.parseInt(v.substring(0, dash)), Integer.parseInt(v.substring(dash + 1)))
                        : org.apache.lucene.document.IntPoint.newExactQuery(IndexSchema.YEAR, Integer.parseInt(v));
            }
            case "level" -> new TermQuery(new Term(IndexSchema.LEVEL, Level.fromCode(filter.value()).code()));
            default -> regionQuery(filter.value());
        };
    }

    /** Whether a region value is a division code (2–12 digits: 50 = 重庆市, 500112 = 渝北区) rather than a name or path. */
    static boolean isDivisionCode(String value) {
        return DIVISION_CODE.matcher(value.strip()).matches();
    }

    private static boolean isKindField(String field) {
        return field.equalsIgnoreCase("section") || field.equalsIgnoreCase("kind");
    }

    /**
     * A region given as a division code (prefix: 50 = 重庆市, 500112 = 渝北区), a facet path (重庆市/渝北区: every
     * part must be a name of the report's region) or one name (统景镇).
     */
    public static Query regionQuery(String value) {
        String v = value.strip();
        if (isDivisionCode(v)) {
            return new TermQuery(new Term(IndexSchema.REGION_CODE, v));
        }
        String[] parts = v.split("/");
        if (parts.length == 1) {
            return new TermQuery(new Term(IndexSchema.REGION_NAME, v));
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String part : parts) {
            if (!part.isBlank()) {
                b.add(new TermQuery(new Term(IndexSchema.REGION_NAME, part.strip())), Occur.FILTER);
            }
        }
        return b.build();
    }
}
