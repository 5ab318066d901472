package fazhi.indexer.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fazhi.core.BadInputException;
import fazhi.core.json.ReportJson;
import fazhi.core.model.Report;
import fazhi.core.model.Section;
import fazhi.core.model.SectionKind;
import fazhi.indexer.analysis.KeyText;
import fazhi.indexer.analysis.Synonyms;
import fazhi.indexer.analysis.UserDictionary;
import fazhi.indexer.index.Indexer;
import fazhi.indexer.schema.IndexSchema;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.join.BitSetProducer;
import org.apache.lucene.search.join.QueryBitSetProducer;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BitSet;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search service over {@code DIR/index}: the web, the JSON API, CSV export and {@code ./portal search} all
 * call it. Thread-safe; one instance per data directory, closed when the application stops.
 *
 * <p>Live updates: a {@link SearcherManager} is refreshed in the background (every {@link #REFRESH_MILLIS} ms) and
 * on {@link #refresh()}; each search runs on one acquired point-in-time searcher, so a search never sees half of an
 * indexing run and never fails because a commit happened meanwhile. Caches (Caffeine) are keyed by the request
 * and the reader version, so a refresh can never serve results of the previous commit.
 */
public final class SearchService implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(SearchService.class);
    static final long REFRESH_MILLIS = 500;
    /** Page size used when streaming a whole result set. */
    static final int STREAM_BATCH = 200;

    private final Directory directory;
    private final SearcherManager manager;
    private final BitSetProducer reportDocs = new QueryBitSetProducer(QueryTranslator.allReports());
    private final QueryTranslator translator;
    private final FacetCounter facetCounter;
    private final ScheduledExecutorService refresher;
    private final Cache<ResultKey, SearchResult> results = Caffeine.newBuilder().maximumSize(2_000).build();
    private final Cache<RecordKey, Optional<Report>> records = Caffeine.newBuilder().maximumSize(2_000).build();
    /** Facet ordinal state per reader (cheap to keep, costly to rebuild per query); dropped with the reader. */

    private final Cache<ResultKey, Summary> summaries = Caffeine.newBuilder().maximumSize(2_000).build();

    private record ResultKey(SearchRequest request, long snapshot) {
    }

    private record Summary(long total, SearchFacets facets) {
    }

    private record RecordKey(String id, long snapshot) {
    }

    private final int orderChunk;
    /** Threads that search the slices of one query in parallel (null on one core). */
    private final java.util.concurrent.ExecutorService sliceThreads;
    /**
     * Search pages computed at once, first come first served. Why: a search is CPU-bound and already spread over
     * every core by its slices; with many clients, running them all at once shares the cores so that each search
     * takes as long as all the others together (a long one then lasts for seconds), while queued in arrival order
     * each waits only for those ahead. As many as cores: on the 100k bench corpus with 16 clients in process, p99
     * 381–712 ms with no limit, 172–267 ms with 2 (the cores), 177–198 ms with 1; throughput the same within noise.
     */
    private final java.util.concurrent.Semaphore computing;

    private SearchService(Directory directory, int orderChunk) throws IOException {
        this.directory = directory;
        this.orderChunk = orderChunk;
        int cores = Runtime.getRuntime().availableProcessors();
        this.computing = new java.util.concurrent.Semaphore(cores, true);
        this.sliceThreads = cores < 2 ? null : Executors.newFixedThreadPool(cores, r -> {
            Thread t = new Thread(r, "search-slice");
            t.setDaemon(true);
            return t;
        });
        this.manager = new SearcherManager(directory, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) {
                return sliceThreads == null ? new IndexSearcher(reader) : new SlicedSearcher(reader, sliceThreads);
            }
        });
        this.translator = new QueryTranslator(UserDictionary.shipped(), Synonyms.shipped(), reportDocs);
        this.facetCounter = new FacetCounter(translator);
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "index-refresher");
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleWithFixedDelay(this::refreshQuietly, REFRESH_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Opens the index of a data directory ({@code DIR/index}); bad input when there is none yet. */
    public static SearchService open(Path dataDir) throws IOException {
        return open(dataDir, ORDER_CHUNK);
    }

    /** As {@link #open(Path)}, ordering streamed result sets {@code orderChunk} results per query match (tests). */
    static SearchService open(Path dataDir, int orderChunk) throws IOException {
        Path indexDir = Indexer.indexDirectory(dataDir);
        if (!Files.isDirectory(indexDir)) {
            throw noIndex(dataDir);
        }
        Directory directory = FSDirectory.open(indexDir);
        if (!DirectoryReader.indexExists(directory)) {
            directory.close();
            throw noIndex(dataDir);
        }
        Optional<String> unsearchable;
        try {
            unsearchable = IndexSchema.unsearchable(SegmentInfos.readLatestCommit(directory).getUserData());
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
        if (unsearchable.isPresent()) {
            directory.close();
            throw new BadInputException("index-outdated", "索引由另一版本的程序建立（" + unsearchable.get() + "），无法正确检索；请先运行 ./portal index --data "
                    + dataDir + " 重建索引", 409);
        }
        return new SearchService(directory, orderChunk);
    }

    private static BadInputException noIndex(Path dataDir) {
        return new BadInputException("no-index", "数据目录中还没有索引：" + dataDir + "（请先运行 ./portal index --data " + dataDir + "）", 404);
    }

    /** Picks up the latest commit now (normally done in the background); true if the searcher changed. */
    public boolean refresh() throws IOException {
        long before = version();
        manager.maybeRefreshBlocking();
        return version() != before;
    }

    private void refreshQuietly() {
        try {
            manager.maybeRefresh();
        } catch (IOException | RuntimeException e) {
            // The current searcher stays valid; the next tick tries again. Logged, not swallowed silently.
            LOG.warn("index refresh failed, still serving the previous commit: {}", e.toString());
        }
    }

    /**
     * Identifies the commit a searcher reads, for cache keys: the commit generation (never reused, even by a
     * rebuild) in the high bits and the segments version in the low bits.
     */
    private static long snapshot(IndexSearcher searcher) throws IOException {
        DirectoryReader reader = (DirectoryReader) searcher.getIndexReader();
        return reader.getIndexCommit().getGeneration() << 40 ^ reader.getVersion();
    }

    /** Identifies the index commit currently searched (changes with every commit that is picked up). */
    public long version() throws IOException {
        IndexSearcher searcher = manager.acquire();
        try {
            return snapshot(searcher);
        } finally {
            manager.release(searcher);
        }
    }

    /** Number of reports in the index. */
    public int reportCount() throws IOException {
        IndexSearcher searcher = manager.acquire();
        try {
            return searcher.count(QueryTranslator.allReports());
        } finally {
            manager.release(searcher);
        }
    }

    // ------------------------------------------------------------------ search

    /** One page of results with totals and facets. Bad queries throw {@link BadInputException}. */
    public SearchResult search(SearchRequest request) {
        return withSearcher(searcher -> {
            long version = snapshot(searcher);
            ResultKey key = new ResultKey(request, version);
            SearchResult cached = results.getIfPresent(key);
            if (cached != null) {
                return cached;
            }
            try {
                computing.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.util.concurrent.CancellationException("search interrupted while waiting its turn");
            }
            try {
                // The same search may have been computed while this one waited.
                cached = results.getIfPresent(key);
                if (cached != null) {
                    return cached;
                }
                SearchResult result = compute(searcher, request);
                results.put(key, result);
                return result;
            } finally {
                computing.release();
            }
        });
    }

    /**
     * Streams the whole result set (or its first {@code limit} hits; limit ≤ 0 = all) in result order, each hit
     * with all its matching sections, on one point-in-time searcher, holding one batch of hits in memory at a time.
     * Same translation, sort and matching as {@link #search}. Returns the number of hits visited. When the visitor
     * is a {@link ResultVisitor}, its {@code begin} receives the summary first (as with {@link #export}); a plain
     * {@link HitVisitor} skips computing facets.
     */
    public long forEachHit(SearchRequest request, long limit, HitVisitor visitor) throws IOException {
        return stream(request, limit, visitor, visitor instanceof ResultVisitor);
    }

    /**
     * Like {@link #forEachHit}, but {@code visitor.begin} first receives the summary (total and facets, no hits)
     * computed on the same searcher as the hits: what JSON and CSV export render from.
     */
    public long export(SearchRequest request, long limit, ResultVisitor visitor) throws IOException {
        return stream(request, limit, visitor, true);
    }

    private long stream(SearchRequest request, long limit, HitVisitor visitor, boolean summarize) throws IOException {
        try {
            return withSearcherIo(searcher -> {
                Plan plan = plan(searcher, request);
                if (summarize) {
                    ((ResultVisitor) visitor).begin(summarize(searcher, request, plan));
                }
                Weight sections = sectionWeight(searcher, plan);
                return walk(searcher, plan, request, limit, true, page -> {
                    for (ReportHit hit : hits(searcher, page, sections, plan.translation().highlightKeys())) {
                        visitor.visit(hit);
                    }
                });
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Ids of the matching reports in result order (first {@code limit}; ≤ 0 = all), without building hits: for
     * selecting a peer group to compare, or anything else that needs only which reports match.
     */
    public List<String> reportIds(SearchRequest request, long limit) {
        return withSearcher(searcher -> {
            List<String> ids = new ArrayList<>();
            Plan plan = plan(searcher, request);
            walk(searcher, plan, request, limit, false, page -> {
                for (ScoreDoc sd : page) {
                    // Every sort ends with the report id (unique tie-break): read it from the sort key, not the store.
                    Object[] keys = ((FieldDoc) sd).fields;
                    ids.add(((BytesRef) keys[keys.length - 1]).utf8ToString());
                }
            });
            return ids;
        });
    }

    private interface PageVisitor {
        void visit(ScoreDoc[] page) throws IOException;
    }

    /**
     * Every result in order, a batch of {@link #STREAM_BATCH} at a time, on one searcher. The order is computed by
     * one matching of the query per {@link #ORDER_CHUNK} results (by default) (searchAfter for the next chunk), not one per
     * batch: re-running a phrase query for every 200 hits made exports quadratic in the result size. The chunk
     * bounds what is held (doc, score and sort key per result, ~130 bytes each), whatever the result size.
     * Returns how many were visited.
     */
    private long walk(IndexSearcher searcher, Plan plan, SearchRequest request, long limit, boolean withScores,
                      PageVisitor visitor) throws IOException {
        long max = limit <= 0 ? Long.MAX_VALUE : limit;
        long visited = 0;
        FieldDoc after = request.cursor() == null ? null : decodeCursor(searcher, request);
        while (visited < max) {
            int n = (int) Math.min(orderChunk, max - visited);
            TopDocs chunk = searcher.search(plan.query(), new TopFieldCollectorManager(plan.sort(), n, after, Integer.MAX_VALUE));
            ScoreDoc[] docs = chunk.scoreDocs;
            for (int from = 0; from < docs.length; from += STREAM_BATCH) {
                ScoreDoc[] batch = java.util.Arrays.copyOfRange(docs, from, Math.min(docs.length, from + STREAM_BATCH));
                if (withScores) {
                    fillScores(searcher, plan, batch);
                }
                visitor.visit(batch);
            }
            visited += docs.length;
            if (docs.length < n) {
                break;
            }
            after = (FieldDoc) docs[docs.length - 1];
        }
        return visited;
    }

    /**
     * Sets each hit's relevance score: taken from the sort key when the order is by relevance (free), computed
     * again for just these documents otherwise.
     */
    private static void fillScores(IndexSearcher searcher, Plan plan, ScoreDoc[] docs) throws IOException {
        if (plan.sort().getSort()[0].getType() == SortField.Type.SCORE) {
            for (ScoreDoc sd : docs) {
                sd.score = (Float) ((FieldDoc) sd).fields[0];
            }
        } else {
            TopFieldCollector.populateScores(docs, searcher, plan.query());
        }
    }

    /** Results ordered per matching of the query when streaming a whole result set (see {@link #walk}). */
    static final int ORDER_CHUNK = 50_000;

    /** What {@link #export} feeds: the summary first, then every hit. */
    public interface ResultVisitor extends HitVisitor {
        default void begin(SearchResult summary) throws IOException {
        }
    }

    /** The report record stored in the index, by id. */
    public Optional<Report> report(String id) {
        return withSearcher(searcher -> {
            long version = snapshot(searcher);
            return records.get(new RecordKey(id, version), k -> loadRecord(searcher, id));
        });
    }

    /**
     * Every section of a report with the phrases of {@code q} marked over the whole section text (the report view).
     * Sections that do not match are returned too, unmarked; {@code matched} says which ones matched.
     */
    public List<SectionView> reportSections(String id, String q) {
        Report report = report(id).orElseThrow(() -> new BadInputException("no-report", "找不到报告：" + id, 404));
        QueryTranslator.Translation translation = translator.translate(translator.parse(q), List.of());
        Set<Integer> matched = matchedOrdinals(id, translation, report.sections().size());
        KeyText.Phrases phrases = KeyText.Phrases.of(translation.highlightKeys()); // once for every section
        List<SectionView> views = new ArrayList<>();
        for (int i = 0; i < report.sections().size(); i++) {
            var section = report.sections().get(i);
            boolean hit = matched.contains(i);
            Snippets.Passage text = Snippets.whole(section.text(), hit ? phrases : KeyText.Phrases.NONE);
            views.add(new SectionView(i, section.kind(), section.heading(), hit, text.html()));
        }
        return views;
    }

    /** At most this many reports side by side. */
    public static final int MAX_COMPARE = 20;

    /**
     * One measure across reports, by section kind: for each report and kind, the paragraphs of the sections that
     * match {@code q} (the same matching as search) that contain one of its phrases, highlighted.
     */
    public Comparison compare(String q, List<String> reportIds) {
        QueryTranslator.ParsedQuery parsed = translator.parse(q);
        if (parsed.isBrowse()) {
            throw new BadInputException("compare-no-query", "请输入要对比的检索词，例如 法律顾问。");
        }
        List<String> ids = reportIds.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        if (ids.isEmpty()) {
            throw new BadInputException("compare-no-reports", "请至少选择一份报告进行对比。");
        }
        if (ids.size() > MAX_COMPARE) {
            throw new BadInputException("compare-too-many", "一次最多对比 " + MAX_COMPARE + " 份报告（当前 " + ids.size() + " 份）。");
        }
        QueryTranslator.Translation translation = translator.translate(parsed, List.of());
        KeyText.Phrases phrases = KeyText.Phrases.of(translation.highlightKeys()); // once for every paragraph
        List<Comparison.Column> columns = new ArrayList<>();
        Map<SectionKind, List<Comparison.Cell>> cells = new java.util.EnumMap<>(SectionKind.class);
        for (SectionKind kind : SectionKind.values()) {
            cells.put(kind, new ArrayList<>());
        }
        for (String id : ids) {
            Report report = report(id).orElseThrow(() -> new BadInputException("no-report", "找不到报告：" + id, 404));
            columns.add(new Comparison.Column(id, columnLabel(report), report.title(), report.issuer(), report.level(),
                    report.year(), report.region(), report.url()));
            Set<Integer> matched = matchedOrdinals(id, translation, report.sections().size());
            Map<SectionKind, List<Comparison.Passage>> byKind = new java.util.EnumMap<>(SectionKind.class);
            for (int i = 0; i < report.sections().size(); i++) {
                var section = report.sections().get(i);
                if (!matched.contains(i)) {
                    continue;
                }
                for (String paragraph : section.text().split("\\R+")) {
                    if (!Snippets.marks(paragraph, phrases).isEmpty()) {
                        Snippets.Passage p = Snippets.whole(paragraph.strip(), phrases);
                        byKind.computeIfAbsent(section.kind(), k -> new ArrayList<>())
                                .add(new Comparison.Passage(section.heading(), p.html(), p.text()));
                    }
                }
            }
            for (SectionKind kind : SectionKind.values()) {
                cells.get(kind).add(new Comparison.Cell(id, byKind.getOrDefault(kind, List.of())));
            }
        }
        List<Comparison.Row> rows = new ArrayList<>();
        for (SectionKind kind : SectionKind.values()) {
            rows.add(new Comparison.Row(kind, cells.get(kind)));
        }
        return new Comparison(parsed.text(), columns, rows);
    }

    private static String columnLabel(Report report) {
        String place = report.region().township() != null ? report.region().township()
                : report.region().district() != null ? report.region().district()
                : report.issuer() != null ? report.issuer() : report.title() != null ? report.title() : report.id();
        return report.year() == null ? place : place + " " + report.year() + "年";
    }

    /** Ordinals of the sections of one report that match the translation's section query. */
    private Set<Integer> matchedOrdinals(String id, QueryTranslator.Translation translation, int sectionCount) {
        return withSearcher(searcher -> {
            Set<Integer> ordinals = new HashSet<>();
            if (translation.sectionQuery() == null) {
                return ordinals;
            }
            Query q = new BooleanQuery.Builder().add(translation.sectionQuery(), Occur.MUST)
                    .add(new TermQuery(new Term(IndexSchema.REPORT_ID, id)), Occur.FILTER).build();
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc sd : searcher.search(q, Math.max(1, sectionCount)).scoreDocs) {
                ordinals.add(stored.document(sd.doc, Set.of(IndexSchema.SECTION_ORDINAL)).getField(IndexSchema.SECTION_ORDINAL).numericValue().intValue());
            }
            return ordinals;
        });
    }

    /**
     * One section in the report view.
     *
     * @param html the whole section text, escaped, with query phrases in {@code <mark>} where the section matched
     */
    public record SectionView(int ordinal, SectionKind kind, String heading, boolean matched, String html) {
    }

    // ------------------------------------------------------------------ internals

    /** A translated request: the report-level query with its filters, sort and translation. */
    private record Plan(DrillDownQuery query, Sort sort, QueryTranslator.Translation translation,
                        QueryTranslator.ParsedQuery parsed) {
    }

    private Plan plan(IndexSearcher searcher, SearchRequest request) {
        QueryTranslator.ParsedQuery parsed = translator.parse(request.q());
        QueryTranslator.Translation translation = translator.translate(parsed, request.sections());
        return new Plan(facetCounter.drillDown(translation.reportQuery(), request), sort(request.sort()), translation, parsed);
    }

    static Sort sort(SortOrder order) {
        SortField id = new SortField(IndexSchema.ID_SORT, SortField.Type.STRING);
        SortField date = new SortField(IndexSchema.PUBLISHED, SortField.Type.LONG, true);
        date.setMissingValue(Long.MIN_VALUE);
        return switch (order) {
            case RELEVANCE -> new Sort(SortField.FIELD_SCORE, id);
            case DATE -> new Sort(date, id);
            case REGION -> {
                SortField region = new SortField(IndexSchema.REGION_SORT, SortField.Type.STRING);
                region.setMissingValue(SortField.STRING_LAST);
                yield new Sort(region, date, id);
            }
        };
    }

    private SearchResult compute(IndexSearcher searcher, SearchRequest request) throws IOException {
        Plan plan = plan(searcher, request);
        TopFieldCollectorManager page = null;
        int skip = 0;
        if (request.size() > 0) {
            if (request.cursor() != null) {
                page = new TopFieldCollectorManager(plan.sort(), request.size(), decodeCursor(searcher, request), Integer.MAX_VALUE);
            } else {
                page = new TopFieldCollectorManager(plan.sort(), request.page() * request.size(), null, Integer.MAX_VALUE);
                skip = (request.page() - 1) * request.size();
            }
        }
        Counted counted = count(searcher, request, plan, page);
        Summary summary = counted.summary();
        TopDocs top = counted.top();
        if (top == null && page != null) { // the summary was cached: the page alone
            top = searcher.search(plan.query(), page);
        }
        List<ReportHit> hits = new ArrayList<>();
        String nextCursor = null;
        if (top != null) {
            Weight sections = sectionWeight(searcher, plan);
            if (skip < top.scoreDocs.length) {
                ScoreDoc[] shown = java.util.Arrays.copyOfRange(top.scoreDocs, skip, top.scoreDocs.length);
                fillScores(searcher, plan, shown);
                hits.addAll(hits(searcher, shown, sections, plan.translation().highlightKeys()));
            }
            if (top.scoreDocs.length > skip && top.scoreDocs.length - skip == request.size()) {
                nextCursor = Cursor.encode(request.sort(), (FieldDoc) top.scoreDocs[top.scoreDocs.length - 1]);
            }
        }
        return new SearchResult(request.q(), summary.total(), hits, summary.facets(), request, nextCursor);
    }

    private FieldDoc decodeCursor(IndexSearcher searcher, SearchRequest request) {
        FieldDoc decoded = Cursor.decode(request.sort(), request.cursor());
        // The id sort key is unique, so only the cursor's own hit can tie on every key; Lucene breaks such ties by
        // document number, and the largest one skips that hit whatever its number is now.
        FieldDoc after = new FieldDoc(Math.max(0, searcher.getIndexReader().maxDoc() - 1), Float.NaN, decoded.fields);
        SortField[] fields = sort(request.sort()).getSort();
        boolean fits = after.fields.length == fields.length;
        for (int i = 0; fits && i < fields.length; i++) {
            Object v = after.fields[i];
            fits = switch (fields[i].getType()) {
                case SCORE -> v instanceof Float;
                case LONG -> v instanceof Long;
                case STRING -> v == null || v instanceof BytesRef;
                default -> false;
            };
        }
        if (!fits) {
            throw new BadInputException("bad-cursor", "翻页参数 cursor 无效或已过期：请从第一页重新检索。");
        }
        return after;
    }

    /** Total and facets of the request, without hits (drill-sideways: each facet counted without its own selection). */
    private SearchResult summarize(IndexSearcher searcher, SearchRequest request, Plan plan) throws IOException {
        Summary summary = count(searcher, request, plan, null).summary();
        return new SearchResult(request.q(), summary.total(), List.of(), summary.facets(), request, null);
    }

    /** The summary, and the page's top hits when they were collected by the pass that counted it (else null). */
    private record Counted(Summary summary, TopDocs top) {
    }

    /**
     * Total and facets — they do not depend on sort or page, so they are cached once for every page of the same
     * search. When they are not cached yet, the page's hits ({@code page}, may be null) are collected by the same
     * pass that counts them: one walk for a conjunction of phrases and filters ({@link OnePassSearch}), else the
     * drill-sideways pass.
     */
    private Counted count(IndexSearcher searcher, SearchRequest request, Plan plan, TopFieldCollectorManager page)
            throws IOException {
        ResultKey key = new ResultKey(request.withoutPaging(), snapshot(searcher));
        Summary summary = summaries.getIfPresent(key);
        if (summary != null) {
            return new Counted(summary, null);
        }
        Optional<FacetCounter.Counts> onePass = facetCounter.countOnePass(searcher, request, plan.parsed(), page,
                plan.sort().needsScores());
        FacetCounter.Counts counts = onePass.isPresent() ? onePass.get()
                : facetCounter.count(searcher, request, plan.query(), plan.parsed(), page);
        summary = new Summary(counts.total(), counts.facets());
        summaries.put(key, summary);
        return new Counted(summary, counts.top());
    }

    private Weight sectionWeight(IndexSearcher searcher, Plan plan) throws IOException {
        Query q = plan.translation().sectionQuery();
        return q == null ? null : SegmentIterators.weight(searcher, q, ScoreMode.COMPLETE_NO_SCORES);
    }

    /**
     * Hits for {@code docs} in their order. Per segment, the matching sections of its hits are found in one
     * forward pass (documents sorted by number, one scorer per segment), and the segments are read in parallel on
     * the searcher's threads: reading the section texts and choosing their passages is most of a page's fixed cost.
     */
    private List<ReportHit> hits(IndexSearcher searcher, ScoreDoc[] docs, Weight sections, List<String> keys)
            throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        Map<Integer, List<ScoreDoc>> byLeaf = new java.util.TreeMap<>();
        for (ScoreDoc sd : docs) {
            byLeaf.computeIfAbsent(ReaderUtil.subIndex(sd.doc, leaves), k -> new ArrayList<>()).add(sd);
        }
        KeyText.Phrases phrases = KeyText.Phrases.of(keys); // once for every section of these hits
        List<java.util.concurrent.Callable<Map<Integer, ReportHit>>> tasks = new ArrayList<>();
        for (Map.Entry<Integer, List<ScoreDoc>> group : byLeaf.entrySet()) {
            LeafReaderContext leaf = leaves.get(group.getKey());
            List<ScoreDoc> inLeaf = group.getValue();
            inLeaf.sort(java.util.Comparator.comparingInt(sd -> sd.doc));
            tasks.add(() -> leafHits(leaf, inLeaf, sections, phrases));
        }
        Map<Integer, ReportHit> byDoc = new java.util.HashMap<>();
        for (Map<Integer, ReportHit> part : searcher.getTaskExecutor().invokeAll(tasks)) {
            byDoc.putAll(part);
        }
        List<ReportHit> hits = new ArrayList<>(docs.length);
        for (ScoreDoc sd : docs) {
            hits.add(byDoc.get(sd.doc));
        }
        return hits;
    }

    /** The hits of one segment, {@code docs} sorted by number, keyed by (top-level) document number. */
    private Map<Integer, ReportHit> leafHits(LeafReaderContext leaf, List<ScoreDoc> docs, Weight sections, KeyText.Phrases phrases)
            throws IOException {
        StoredFields stored = leaf.reader().storedFields();
        Scorer scorer = sections == null ? null : sections.scorer(leaf);
        DocIdSetIterator it = scorer == null ? null : scorer.iterator();
        BitSet parents = reportDocs.getBitSet(leaf);
        Map<Integer, ReportHit> hits = new java.util.HashMap<>();
        for (ScoreDoc sd : docs) {
            int local = sd.doc - leaf.docBase;
            List<SectionMatch> found = new ArrayList<>();
            if (it != null) {
                int first = local == 0 ? 0 : parents.prevSetBit(local - 1) + 1;
                int d = it.docID() >= first ? it.docID() : it.advance(first);
                for (; d < local; d = it.nextDoc()) {
                    found.add(sectionMatch(stored.document(d), phrases));
                }
            }
            hits.put(sd.doc, hit(stored, local, sd.score, found));
        }
        return hits;
    }

    private static SectionMatch sectionMatch(Document section, KeyText.Phrases phrases) {
        int ordinal = section.getField(IndexSchema.SECTION_ORDINAL).numericValue().intValue();
        Snippets.Passage passage = Snippets.passage(IndexSchema.sectionContent(section), phrases);
        return new SectionMatch(SectionKind.fromCode(section.get(IndexSchema.SECTION_KIND)), section.get(IndexSchema.SECTION_HEADING), ordinal,
                passage.html(), passage.text());
    }

    private static final Set<String> HIT_FIELDS = Set.of(IndexSchema.SUMMARY);

    private ReportHit hit(StoredFields stored, int doc, float rawScore, List<SectionMatch> matches) throws IOException {
        // The summary (record without sections), not the whole record: a hit shows none of the report text.
        Report report = parse(stored.document(doc, HIT_FIELDS).get(IndexSchema.SUMMARY));
        float score = Float.isNaN(rawScore) ? 0f : rawScore;
        return new ReportHit(report.id(), report.title(), report.issuer(), report.level(), report.year(), report.published(),
                report.region(), report.url(), score, matches);
    }

    /**
     * The whole record: the report document's summary (the record without sections) plus the sections, read from
     * the section documents of its block (which precede it), in ordinal order: the same record that was indexed.
     */
    private Optional<Report> loadRecord(IndexSearcher searcher, String id) {
        try {
            Query q = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(IndexSchema.REPORT_ID, id)), Occur.FILTER)
                    .add(QueryTranslator.allReports(), Occur.FILTER).build();
            TopDocs top = searcher.search(q, 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            int doc = top.scoreDocs[0].doc;
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
            int local = doc - leaf.docBase;
            StoredFields stored = leaf.reader().storedFields();
            Report summary = parse(stored.document(local, HIT_FIELDS).get(IndexSchema.SUMMARY));
            BitSet parents = reportDocs.getBitSet(leaf);
            int first = local == 0 ? 0 : parents.prevSetBit(local - 1) + 1;
            Section[] sections = new Section[local - first];
            for (int d = first; d < local; d++) {
                Document section = stored.document(d, SECTION_FIELDS);
                int ordinal = section.getField(IndexSchema.SECTION_ORDINAL).numericValue().intValue();
                sections[ordinal] = new Section(section.get(IndexSchema.SECTION_HEADING),
                        SectionKind.fromCode(section.get(IndexSchema.SECTION_KIND)), IndexSchema.sectionText(section));
            }
            return Optional.of(new Report(summary.id(), summary.url(), summary.urls(), summary.title(), summary.issuer(),
                    summary.level(), summary.year(), summary.published(), summary.region(), summary.site(),
                    List.of(sections), summary.attachments(), summary.contentHash()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Set<String> SECTION_FIELDS = Set.of(IndexSchema.SECTION_ORDINAL, IndexSchema.SECTION_HEADING,
            IndexSchema.SECTION_KIND, IndexSchema.SECTION_TEXT);

    private static Report parse(String line) throws IOException {
        return ReportJson.fromLine(line);
    }

    private interface SearcherTask<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherTask<T> task) {
        try {
            return withSearcherIo(task);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T withSearcherIo(SearcherTask<T> task) throws IOException {
        IndexSearcher searcher = manager.acquire();
        try {
            return task.run(searcher);
        } finally {
            manager.release(searcher);
        }
    }

    @Override
    public void close() throws IOException {
        // The refresher is stopped and waited for before the manager and the directory close: a refresh still running
        // then failed on the closed directory and logged "index refresh failed" at every close that met one (r55, r63).
        refresher.shutdown();
        try {
            if (!refresher.awaitTermination(30, TimeUnit.SECONDS)) {
                refresher.shutdownNow();
            }
        } catch (InterruptedException e) {
            refresher.shutdownNow();
            Thread.currentThread().interrupt();
        }
        try {
            manager.close();
        } finally {
            if (sliceThreads != null) {
                sliceThreads.shutdownNow();
            }
            directory.close();
        }
    }
}
