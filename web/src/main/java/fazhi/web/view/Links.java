package fazhi.web.view;

import fazhi.core.model.Level;
import fazhi.core.model.SectionKind;
import fazhi.indexer.compare.CompareRequest;
import fazhi.indexer.compare.PeerGroup;
import fazhi.indexer.search.SearchRequest;
import fazhi.indexer.search.SortOrder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Every link of the UI, built from request values so that a page's whole state lives in its URL. */
public final class Links {
    private Links() {
    }

    public static String search(SearchRequest request) {
        String qs = request.toQueryString();
        return qs.isEmpty() ? "/" : "/?" + qs;
    }

    public static String search(String q) {
        return search(SearchRequest.of(q));
    }

    /** The same search with one facet value added or removed (back to page 1). */
    public static String toggle(SearchRequest r, String facet, String value) {
        List<Integer> years = new ArrayList<>(r.years());
        List<String> regions = new ArrayList<>(r.regions());
        List<SectionKind> sections = new ArrayList<>(r.sections());
        List<Level> levels = new ArrayList<>(r.levels());
        switch (facet) {
            case "year" -> flip(years, Integer.valueOf(value));
            case "region" -> flip(regions, value);
            case "section" -> flip(sections, SectionKind.fromCode(value));
            case "level" -> flip(levels, Level.fromCode(value));
            default -> throw new IllegalArgumentException("unknown facet " + facet);
        }
        return search(new SearchRequest(r.q(), years, regions, sections, levels, r.sort(), 1, r.size(), null));
    }

    private static <T> void flip(List<T> values, T value) {
        if (!values.remove(value)) {
            values.add(value);
        }
    }

    /** The same query with no filters. */
    public static String clearFilters(SearchRequest r) {
        return search(new SearchRequest(r.q(), null, null, null, null, r.sort(), 1, r.size(), null));
    }

    public static String sort(SearchRequest r, SortOrder order) {
        return search(r.withSort(order));
    }

    public static String page(SearchRequest r, long page) {
        return search(r.withPage((int) page));
    }

    public static String withQuery(SearchRequest r, String q) {
        return search(new SearchRequest(q, r.years(), r.regions(), r.sections(), r.levels(), r.sort(), 1, r.size(), null));
    }

    /** The search's parameters for the exports and trends (no paging). */
    public static String sameSearch(String path, SearchRequest r, String extra) {
        String qs = new SearchRequest(r.q(), r.years(), r.regions(), r.sections(), r.levels(), r.sort(), 1, SearchRequest.DEFAULT_SIZE, null)
                .toQueryString();
        String all = qs.isEmpty() ? extra : extra.isEmpty() ? qs : qs + "&" + extra;
        return all.isEmpty() ? path : path + "?" + all;
    }

    public static String report(String id, String q) {
        String base = "/report/" + enc(id);
        return q == null || q.isBlank() ? base : base + "?q=" + enc(q);
    }

    public static String compare(CompareRequest request) {
        String qs = request.toQueryString();
        return qs.isEmpty() ? "/compare" : "/compare?" + qs;
    }

    public static String compareCsv(CompareRequest request) {
        return "/compare.csv?" + request.toQueryString();
    }

    public static String peers(PeerGroup group, String id, String q) {
        String base = "/compare?group=" + group.code() + "&of=" + enc(id);
        return q == null || q.isBlank() ? base : base + "&q=" + enc(q);
    }

    /** Crawled URLs become links only when they are web addresses; anything else (javascript:, file:) stays text. */
    public static String safeExternal(String url) {
        if (url == null) {
            return null;
        }
        String lower = url.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") ? url.strip() : null;
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
