package fazhi.crawler.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import fazhi.core.corpus.CorpusStore;
import fazhi.core.model.Report;
import fazhi.core.understand.PageEvidence;
import fazhi.core.understand.ReportUnderstanding;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportDeduplicatorTest {
    @TempDir
    Path data;

    static String text(String name) throws Exception {
        try (InputStream in = ReportDeduplicatorTest.class.getResourceAsStream("/fazhi/crawler/crawl/reports/" + name + ".txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    static Report report(String url, String body) {
        return new ReportUnderstanding().understand(new PageEvidence(url, "重庆市渝北区统景镇人民政府2021年法治政府建设年度报告", body,
                null, null, null, null, null, null, java.util.List.of())).reports().get(0);
    }

    @Test
    void exactAndNearDuplicatesBecomeOneRecordWithEveryUrl() throws Exception {
        String body = text("tongjing-2021");
        ReportDeduplicator dedup = new ReportDeduplicator(new CorpusStore(data), "crawl");
        assertThat(dedup.write(report("http://a/1.html", body)).effect()).isEqualTo(ReportDeduplicator.Effect.NEW);
        // Same text, other spacing and punctuation: the same phrase key.
        assertThat(dedup.write(report("http://b/2.html", body.replace("，", ",").replace("\n", "\n\n"))).effect())
                .isEqualTo(ReportDeduplicator.Effect.NEW_URL);
        // A mirror's copy with an extra footer line: a near duplicate.
        assertThat(dedup.write(report("http://c/3.html", body + "\n（本文转载自重庆市渝北区人民政府网站）")).effect())
                .isEqualTo(ReportDeduplicator.Effect.NEW_URL);
        assertThat(dedup.write(report("http://c/3.html", body)).effect()).isEqualTo(ReportDeduplicator.Effect.KNOWN);
        // Another report is another record.
        assertThat(dedup.write(report("http://d/4.html", text("miaoba-2020"))).effect()).isEqualTo(ReportDeduplicator.Effect.NEW);

        var corpus = new CorpusStore(data).readAll();
        assertThat(corpus).hasSize(2);
        assertThat(corpus.get(0).urls()).containsExactly("http://a/1.html", "http://b/2.html", "http://c/3.html");
        // A new writer over the same corpus knows what is there.
        assertThat(new ReportDeduplicator(new CorpusStore(data), "crawl").write(report("http://e/5.html", body)).record().urls())
                .contains("http://a/1.html", "http://e/5.html");
    }

    @Test
    void aReportAlreadyImportedGainsTheCrawledUrlInItsOwnFile() throws Exception {
        String body = text("dashi-2023");
        new CorpusStore(data).append("import", report("file:///tmp/dashi.html", body));
        new ReportDeduplicator(new CorpusStore(data), "crawl").write(report("http://b/art_1.html", body));
        assertThat(new CorpusStore(data).readAll()).singleElement()
                .satisfies(r -> assertThat(r.urls()).containsExactly("file:///tmp/dashi.html", "http://b/art_1.html"));
    }

    @Test
    void minHashSeparatesDifferentReports() throws Exception {
        var norm = fazhi.core.text.TextNormalizer.instance();
        long[] a = MinHash.signature(norm.phraseKey(text("tongjing-2021")));
        long[] b = MinHash.signature(norm.phraseKey(text("tongjing-2021") + "本文转载自重庆市渝北区人民政府网站"));
        long[] c = MinHash.signature(norm.phraseKey(text("dashi-2023")));
        assertThat(MinHash.similarity(a, b)).isGreaterThan(0.9);
        assertThat(MinHash.similarity(a, c)).isLessThan(0.3);
    }
}
