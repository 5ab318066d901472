package fazhi.crawler.dedup;

import fazhi.core.corpus.CorpusStore;
import fazhi.core.model.Report;
import fazhi.core.text.TextNormalizer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes crawled reports to the corpus with dedup and provenance (issue 3 §6): a report already in the corpus —
 * the same normalised body ({@link TextNormalizer#phraseKey}) or a near-duplicate by MinHash (Jaccard ≥ {@value
 * #NEAR_DUPLICATE}) — is not written again; instead the record gains the new URL in {@code urls}. The first
 * version seen stays the record's content and id. Thread-safe: crawler threads call it concurrently.
 */
public final class ReportDeduplicator {
    static final double NEAR_DUPLICATE = 0.85;
    private final CorpusStore store;
    private final String corpusFile;
    private final TextNormalizer normalizer = TextNormalizer.instance();
    private final Map<String, Report> byId = new LinkedHashMap<>();
    private final Map<String, String> idByExactKey = new HashMap<>();
    private final Map<String, long[]> signatures = new LinkedHashMap<>();
    /** The corpus file holding each record read at start, when it is not ours: a merge must land after it. */
    private final Map<String, String> foreignFile = new HashMap<>();

    /** Loads every current record of the corpus (all files: imports count as already known reports). */
    public ReportDeduplicator(CorpusStore store, String corpusFile) throws IOException {
        this.store = store;
        this.corpusFile = corpusFile;
        store.forEach(this::remember);
        for (java.nio.file.Path file : store.files()) {
            String name = file.getFileName().toString().replaceFirst("\\.jsonl$", "");
            if (name.equals(corpusFile)) {
                continue;
            }
            try (var lines = java.nio.file.Files.lines(file, java.nio.charset.StandardCharsets.UTF_8)) {
                lines.map(ReportDeduplicator::idOf).filter(java.util.Objects::nonNull).forEach(id -> foreignFile.put(id, name));
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
        }
        // Only the file that holds a record's winning (last) line matters; ours sorts among the others.
        foreignFile.keySet().removeIf(id -> !byId.containsKey(id));
    }

    /** The id of a corpus line, or null for a torn or malformed one (CorpusStore reports those). */
    private static String idOf(String line) {
        try {
            return fazhi.core.json.ReportJson.fromLine(line).id();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }

    /** What writing a report did: a new record, a known record seen at a new URL, or nothing new. */
    public enum Effect { NEW, NEW_URL, KNOWN }

    public record Written(Effect effect, Report record) {
    }

    /** The record this report duplicates (same id, same phrase key, or a near duplicate), if any. */
    public synchronized Optional<Report> find(Report report) {
        String key = normalizer.phraseKey(report.bodyText());
        return Optional.ofNullable(byId.get(report.id()))
                .or(() -> Optional.ofNullable(idByExactKey.get(key)).map(byId::get))
                .or(() -> nearDuplicate(MinHash.signature(key)));
    }

    public synchronized Written write(Report report) throws IOException {
        Optional<Report> existing = find(report);
        if (existing.isPresent()) {
            Report known = existing.get();
            List<String> urls = new ArrayList<>(known.urls());
            boolean added = false;
            for (String url : report.urls()) {
                if (!urls.contains(url)) {
                    urls.add(url);
                    added = true;
                }
            }
            if (!added) {
                return new Written(Effect.KNOWN, known);
            }
            Report merged = known.withUrls(urls);
            // Last line per id wins in file-name order: a record imported into another file is updated there.
            store.append(foreignFile.getOrDefault(merged.id(), corpusFile), merged);
            byId.put(merged.id(), merged);
            return new Written(Effect.NEW_URL, merged);
        }
        store.append(corpusFile, report);
        remember(report);
        return new Written(Effect.NEW, report);
    }

    /** Replaces a record outright (a changed page whose old version was seen nowhere else). */
    public synchronized void replace(Report report) throws IOException {
        store.append(foreignFile.getOrDefault(report.id(), corpusFile), report);
        remember(report);
    }

    public synchronized Optional<Report> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    private Optional<Report> nearDuplicate(long[] signature) {
        String bestId = null;
        double best = NEAR_DUPLICATE;
        for (Map.Entry<String, long[]> entry : signatures.entrySet()) {
            double similarity = MinHash.similarity(signature, entry.getValue());
            if (similarity >= best) {
                best = similarity;
                bestId = entry.getKey();
            }
        }
        return Optional.ofNullable(bestId).map(byId::get);
    }

    private void remember(Report report) {
        String key = normalizer.phraseKey(report.bodyText());
        byId.put(report.id(), report);
        idByExactKey.putIfAbsent(key, report.id());
        signatures.put(report.id(), MinHash.signature(key));
    }
}
