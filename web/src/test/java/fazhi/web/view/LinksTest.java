package fazhi.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import fazhi.indexer.search.SearchFacets;
import fazhi.indexer.search.SearchRequest;
import fazhi.indexer.search.SearchResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinksTest {
    @Test
    void togglingAFacetValueAddsOrRemovesItAndResetsThePage() {
        SearchRequest r = SearchRequest.builder().q("法律顾问").year(2021).page(3).sort("date").build();
        assertThat(Links.toggle(r, "year", "2022")).isEqualTo("/?q=%E6%B3%95%E5%BE%8B%E9%A1%BE%E9%97%AE&year=2021&year=2022&sort=date");
        assertThat(Links.toggle(r, "year", "2021")).isEqualTo("/?q=%E6%B3%95%E5%BE%8B%E9%A1%BE%E9%97%AE&sort=date");
        assertThat(Links.toggle(r, "region", "重庆市/渝北区")).contains("region=%E9%87%8D%E5%BA%86%E5%B8%82%2F%E6%B8%9D%E5%8C%97%E5%8C%BA");
        assertThat(Links.toggle(r, "section", "problems")).contains("section=problems");
        assertThat(Links.clearFilters(r)).isEqualTo("/?q=%E6%B3%95%E5%BE%8B%E9%A1%BE%E9%97%AE&sort=date");
    }

    @Test
    void onlyWebAddressesBecomeLinks() {
        assertThat(Links.safeExternal("https://www.ybq.gov.cn/a.html")).isEqualTo("https://www.ybq.gov.cn/a.html");
        assertThat(Links.safeExternal(" HTTP://x.cn/ ")).isEqualTo("HTTP://x.cn/");
        assertThat(Links.safeExternal("javascript:alert(1)")).isNull();
        assertThat(Links.safeExternal("file:///etc/passwd")).isNull();
        assertThat(Links.safeExternal("data:text/html,x")).isNull();
        assertThat(Links.safeExternal(null)).isNull();
    }

    @Test
    void emptyResultsSuggestDroppingFiltersQuotesAndTerms() {
        SearchRequest r = SearchRequest.builder().q("\"法律顾问\" 民情茶室").year(2023).section("problems").build();
        SearchResult none = new SearchResult(r.q(), 0, List.of(), new SearchFacets(List.of(), List.of(), List.of(), List.of()), r, null);
        SearchPage page = new SearchPage(r, none, 1200);
        assertThat(page.suggestions()).extracting(SearchPage.Suggestion::label).containsExactly(
                "去掉筛选条件「年份：2023年」", "去掉筛选条件「章节：存在的不足和原因」", "去掉全部筛选条件",
                "去掉引号：法律顾问 民情茶室", "只检索「法律顾问」", "只检索「民情茶室」", "浏览全部报告");
        assertThat(page.seconds()).isEqualTo("0.001");
        assertThat(new SearchPage(r, none, 999).seconds()).isEqualTo("不到 0.001");
        assertThat(page.chips()).extracting(SearchPage.Chip::removeHref).doesNotHaveDuplicates();
    }
}
