package fazhi.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import fazhi.core.model.Report;
import fazhi.core.model.SectionKind;
import fazhi.indexer.TestCorpora;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Phrase matching equals substring search on normalised text, both ways (no misses, no extras): the truth is
 * computed from the report records with TextNormalizer, never written down.
 */
class PhraseTruthTest {

    /** The ids a search finds for a query; IOException passes through. */
    interface Matcher {
        Set<String> ids(SearchService service, String q) throws IOException;
    }

    /** Compares with the light id walk; {@link #assertTruthWithHits} also builds every hit (snippets, sections). */
    static void assertTruth(SearchService service, List<Report> reports, Iterable<String> queries) throws IOException {
        assertTruth(service, reports, queries, TestCorpora::matchingIds);
    }

    static void assertTruthWithHits(SearchService service, List<Report> reports, Iterable<String> queries) throws IOException {
        assertTruth(service, reports, queries, TestCorpora::ids);
    }

    private static void assertTruth(SearchService service, List<Report> reports, Iterable<String> queries, Matcher matcher) throws IOException {
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        TestCorpora.Truth truth = new TestCorpora.Truth(reports);
        for (String q : queries) {
            Set<String> expected = truth.of(q);
            Set<String> actual = matcher.ids(service, q);
            if (!expected.equals(actual)) {
                mismatches.add(q + ": expected " + expected + " but found " + actual);
            }
            checked++;
        }
        assertThat(mismatches).as("queries whose matches differ from substring truth (of %d checked)", checked).isEmpty();
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class SampleCorpus {
        List<Report> reports;
        SearchService service;

        @BeforeAll
        void index(@TempDir Path dir) throws IOException {
            reports = TestCorpora.sample();
            service = TestCorpora.indexAndOpen(dir, reports);
        }

        @AfterAll
        void close() throws IOException {
            if (service != null) {
                service.close();
            }
        }

        @Test
        void namedPhrasesMatchExactlyTheReportsContainingThem() throws IOException {
            assertThat(reports).hasSize(9);
            assertThat(TestCorpora.truth(reports, "民情茶室")).hasSize(1);
            assertThat(TestCorpora.truth(reports, "法律顾问")).hasSizeGreaterThan(1);
            List<String> named = List.of("民情茶室", "法律顾问", "放管服", "一网通办", "易家小院");
            for (String q : named) {
                assertThat(TestCorpora.truth(reports, q)).as(q).isNotEmpty();
            }
            assertTruthWithHits(service, reports, named);
        }

        @Test
        void everyShortSubstringOfSampledSentencesMatchesItsTruth() throws IOException {
            Set<String> queries = TestCorpora.substringQueries(reports, 25, 7);
            assertThat(queries).hasSizeGreaterThan(1000);
            assertTruth(service, reports, queries);
        }

        @Test
        void singleCharactersAndPunctuatedOrTraditionalQueriesFollowTheSameTruth() throws IOException {
            assertTruth(service, reports, List.of("茶", "镇", "7", "“民情茶室”", "\"民情 茶室\"", "法律顧問", "ＰＤＦ", "法治,政府"));
            assertThat(TestCorpora.ids(service, "“民情”茶室")).isEqualTo(TestCorpora.truth(reports, "民情茶室"));
        }

        @Test
        void sectionRestrictedPhraseFindsOnlyReportsWhoseSectionOfThatKindContainsIt() throws IOException {
            for (SectionKind kind : SectionKind.values()) {
                SearchRequest request = SearchRequest.builder().q("法律顾问").section(kind).build();
                assertThat(TestCorpora.ids(service, request)).as(kind.code())
                        .isEqualTo(TestCorpora.truth(reports, "法律顾问", kind));
                assertThat(TestCorpora.ids(service, "section:" + kind.code() + " 法律顾问")).as(kind.code())
                        .isEqualTo(TestCorpora.truth(reports, "法律顾问", kind));
            }
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class GeneratedCorpus {
        List<Report> reports;
        SearchService service;

        @BeforeAll
        void index(@TempDir Path dir) throws IOException {
            reports = TestCorpora.generated(3000, 42);
            service = TestCorpora.indexAndOpen(dir, reports);
        }

        @AfterAll
        void close() throws IOException {
            if (service != null) {
                service.close();
            }
        }

        @Test
        void substringsOfGeneratedReportsMatchTheirTruth() throws IOException {
            Set<String> queries = TestCorpora.substringQueries(reports, 12, 11);
            assertThat(queries).hasSizeGreaterThan(300);
            assertTruth(service, reports, queries);
        }

        @Test
        void phrasesOfEveryGramCoverMatchTheirTruth() throws IOException {
            // The phrase query covers a key with trigrams where the tokenizer indexed one (after a frequent bigram) and
            // bigrams elsewhere, the last chars by a gram ending at the key's end: every shape, checked against truth.
            java.util.Map<String, List<String>> byShape = new java.util.TreeMap<>();
            java.util.Random random = new java.util.Random(5);
            for (int i = 0; i < 400; i++) {
                Report r = reports.get(random.nextInt(reports.size()));
                String text = r.sections().get(random.nextInt(r.sections().size())).text();
                int[] key = fazhi.core.text.TextNormalizer.instance().phraseKey(text).codePoints().toArray();
                int n = 3 + random.nextInt(6);
                if (key.length > n) {
                    String q = new String(key, random.nextInt(key.length - n), n);
                    byShape.computeIfAbsent(shape(QueryTranslator.keyQuery(q)), s -> new ArrayList<>()).add(q);
                }
            }
            // "3": one trigram term; "2@0 2@1": no trigram starts at 0; "3@0 3@1", "3@0 2@2": a trigram, then the gram
            // ending the key; "2@0 3@2": a bigram, then a trigram …
            assertThat(byShape.keySet()).contains("3", "2@0 2@1", "3@0 3@1", "3@0 2@2", "2@0 2@2", "2@0 3@2", "3@0 3@3")
                    .hasSizeGreaterThan(15);
            List<String> sample = new ArrayList<>();
            byShape.values().forEach(qs -> sample.addAll(qs.subList(0, Math.min(qs.size(), 20))));
            assertTruth(service, reports, sample);
        }

        /** The grams of a phrase query: their lengths and offsets ("3" for one term of 3 chars). */
        private static String shape(org.apache.lucene.search.Query query) {
            if (query instanceof org.apache.lucene.search.TermQuery t) {
                return String.valueOf(t.getTerm().text().codePointCount(0, t.getTerm().text().length()));
            }
            org.apache.lucene.search.PhraseQuery p = (org.apache.lucene.search.PhraseQuery) query;
            List<String> grams = new ArrayList<>();
            for (int i = 0; i < p.getTerms().length; i++) {
                grams.add(p.getTerms()[i].text().codePointCount(0, p.getTerms()[i].text().length()) + "@" + p.getPositions()[i]);
            }
            return String.join(" ", grams);
        }

        @Test
        void saltedPhrasesInEveryWritingMatchTheirTruth() throws IOException {
            List<String> queries = List.of("民情茶室", "法律顾问", "放管服", "一网通办", "易家小院", "七五普法", "2021年", "pdf文件",
                    "web端", "情茶", "律顾问", "网通");
            for (String q : queries) {
                assertThat(TestCorpora.truth(reports, q)).as(q).hasSizeGreaterThan(10);
            }
            assertTruthWithHits(service, reports, queries);
        }

        @Test
        void sectionRestrictedPhrasesMatchTheirTruthPerKind() throws IOException {
            TestCorpora.Truth truth = new TestCorpora.Truth(reports);
            for (String q : List.of("法律顾问", "民情茶室", "普法", "年")) {
                for (SectionKind kind : SectionKind.values()) {
                    Set<String> expected = truth.of(q, kind);
                    assertThat(expected).as(q + " in " + kind).isNotEmpty();
                    assertThat(TestCorpora.ids(service, SearchRequest.builder().q(q).section(kind).build())).as(q + " in " + kind)
                            .isEqualTo(expected);
                }
            }
        }
    }
}
