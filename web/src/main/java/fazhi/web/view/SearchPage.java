package fazhi.web.view;

import fazhi.core.model.Level;
import fazhi.core.model.SectionKind;
import fazhi.indexer.search.FacetCount;
import fazhi.indexer.search.SearchRequest;
import fazhi.indexer.search.SearchResult;
import fazhi.indexer.search.SortOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The search page: the request, its result, and what the template derives from them (chips, suggestions, pages). */
public record SearchPage(SearchRequest request, SearchResult result, long micros) {

    /** An active filter shown as a removable chip. */
    public record Chip(String facet, String label, String removeHref) {
    }

    /** A way to get results when there are none. */
    public record Suggestion(String label, String href) {
    }

    public String title() {
        return request.q().isEmpty() ? "检索" : request.q() + " - 检索";
    }

    public String seconds() {
        return micros < 1_000 ? "不到 0.001" : String.format(Locale.ROOT, "%.3f", micros / 1_000_000.0);
    }

    public boolean hasFilters() {
        return !request.years().isEmpty() || !request.regions().isEmpty() || !request.sections().isEmpty() || !request.levels().isEmpty();
    }

    public List<Chip> chips() {
        List<Chip> chips = new ArrayList<>();
        request.years().forEach(y -> chips.add(new Chip("年份", y + "年", Links.toggle(request, "year", y.toString()))));
        request.regions().forEach(r -> chips.add(new Chip("地区", r.replace("/", " / "), Links.toggle(request, "region", r))));
        request.sections().forEach(s -> chips.add(new Chip("章节", s.label(), Links.toggle(request, "section", s.code()))));
        request.levels().forEach(l -> chips.add(new Chip("层级", l.label(), Links.toggle(request, "level", l.code()))));
        return chips;
    }

    /** For an empty result: drop filters one by one, drop them all, search terms one at a time, drop quotes. */
    public List<Suggestion> suggestions() {
        List<Suggestion> out = new ArrayList<>();
        if (hasFilters()) {
            for (Chip chip : chips()) {
                out.add(new Suggestion("去掉筛选条件「" + chip.facet() + "：" + chip.label() + "」", chip.removeHref()));
            }
            out.add(new Suggestion("去掉全部筛选条件", Links.clearFilters(request)));
        }
        String q = request.q();
        if (q.contains("\"") || q.contains("“") || q.contains("”")) {
            String unquoted = q.replaceAll("[\"“”]", "").replaceAll("~\\d+", "").strip();
            if (!unquoted.isEmpty()) {
                out.add(new Suggestion("去掉引号：" + unquoted, Links.withQuery(request, unquoted)));
            }
        }
        if (q.toLowerCase(Locale.ROOT).contains("section:")) {
            String free = q.replaceAll("(?i)section:\\S+", "").strip();
            if (!free.isEmpty()) {
                out.add(new Suggestion("不限章节：" + free, Links.withQuery(request, free)));
            }
        }
        String[] terms = q.replaceAll("[\"“”()（）]", " ").replaceAll("(?i)\\b(AND|OR|NOT)\\b", " ").strip().split("\\s+");
        if (terms.length > 1) {
            for (String term : terms) {
                String t = term.replaceFirst("^[-+]", "").replaceAll("(?i)^section:\\S*", "");
                if (!t.isEmpty()) {
                    out.add(new Suggestion("只检索「" + t + "」", Links.withQuery(request, t)));
                }
            }
        }
        if (!q.isEmpty()) {
            out.add(new Suggestion("浏览全部报告", Links.withQuery(request, "")));
        }
        return out;
    }

    public List<SortOption> sorts() {
        List<SortOption> options = new ArrayList<>();
        for (SortOrder order : SortOrder.values()) {
            options.add(new SortOption(order.label(), Links.sort(request, order), order == request.sort()));
        }
        return options;
    }

    public record SortOption(String label, String href, boolean active) {
    }

    /** Page links: first, a window around the current page, last. {@code number} 0 = an ellipsis. */
    public record PageLink(long number, String href, boolean current) {
    }

    public List<PageLink> pages() {
        long count = result.pageCount();
        List<PageLink> links = new ArrayList<>();
        if (count <= 1) {
            return links;
        }
        long current = request.page();
        long last = Math.min(count, SearchRequest.MAX_PAGE_DEPTH / Math.max(1, request.size()));
        long from = Math.max(1, current - 2);
        long to = Math.min(last, current + 2);
        if (from > 1) {
            links.add(new PageLink(1, Links.page(request, 1), false));
            if (from > 2) {
                links.add(new PageLink(0, null, false));
            }
        }
        for (long p = from; p <= to; p++) {
            links.add(new PageLink(p, Links.page(request, p), p == current));
        }
        if (to < last) {
            if (to < last - 1) {
                links.add(new PageLink(0, null, false));
            }
            links.add(new PageLink(last, Links.page(request, last), false));
        }
        return links;
    }

    public String previous() {
        return request.page() > 1 ? Links.page(request, request.page() - 1) : null;
    }

    public String next() {
        long last = Math.min(result.pageCount(), SearchRequest.MAX_PAGE_DEPTH / Math.max(1, request.size()));
        return request.page() < last ? Links.page(request, request.page() + 1) : null;
    }

    public String facetHref(String facet, FacetCount value) {
        return Links.toggle(request, facet, value.value());
    }

    /** A region node is open when it or something below it is selected, or when it is the only top-level value. */
    public boolean open(FacetCount region) {
        return anySelected(region) || result.facets().region().size() == 1 && result.facets().region().getFirst().equals(region);
    }

    private static boolean anySelected(FacetCount node) {
        return node.selected() || node.children().stream().anyMatch(SearchPage::anySelected);
    }

    public static String kindLabel(SectionKind kind) {
        return kind.label();
    }

    public static String levelLabel(Level level) {
        return level.label();
    }
}
