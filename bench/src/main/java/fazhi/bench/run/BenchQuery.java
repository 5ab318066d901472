package fazhi.bench.run;

import fazhi.indexer.search.SearchRequest;

/**
 * One query of the fixed mix: its kind, the request sent to the search service (and as URL parameters to the
 * server), and for phrase queries the phrase key the peers search for.
 */
record BenchQuery(Kind kind, SearchRequest request, String phraseKey) {
    enum Kind {
        PHRASE("短语 phrase"), AND("两词 AND"), SECTION("章节过滤 section filter"), YEAR_REGION("年度+地区 year+region");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    String describe() {
        String params = request.toQueryString();
        return kind + " " + java.net.URLDecoder.decode(params, java.nio.charset.StandardCharsets.UTF_8);
    }
}
