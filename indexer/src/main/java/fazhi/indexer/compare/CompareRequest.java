package fazhi.indexer.compare;

import fazhi.core.BadInputException;
import fazhi.indexer.search.SearchService;
import fazhi.indexer.view.ReportIds;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * One comparison as the web addresses it: a measure (a query, e.g. 法律顾问) across reports in a chosen column order.
 * Ids are validated and de-duplicated keeping the first occurrence, so the URL ({@link #toQueryString}) reproduces
 * the grid. The grid itself is {@link SearchService#compare}'s.
 */
public record CompareRequest(String q, List<String> ids) {
    public static final int MAX_COLUMNS = SearchService.MAX_COMPARE;

    public CompareRequest {
        q = q == null ? "" : q.strip();
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (String id : ids == null ? List.<String>of() : ids) {
            if (id != null && !id.isBlank()) {
                unique.add(ReportIds.validate(id.strip()));
            }
        }
        ids = List.copyOf(unique);
        if (ids.size() > MAX_COLUMNS) {
            throw new BadInputException("too-many-reports", "一次最多对比 " + MAX_COLUMNS + " 份报告（当前 " + ids.size() + " 份），请减少所选报告。");
        }
    }

    /** Whether the grid can be computed: a measure and at least one report. */
    public boolean complete() {
        return !q.isEmpty() && !ids.isEmpty();
    }

    public CompareRequest withIds(List<String> newIds) {
        return new CompareRequest(q, newIds);
    }

    /** The same columns without {@code id}. */
    public CompareRequest without(String id) {
        List<String> rest = new ArrayList<>(ids);
        rest.remove(id);
        return withIds(rest);
    }

    /** The same columns with {@code id} moved by {@code delta} places (clamped). */
    public CompareRequest move(String id, int delta) {
        List<String> order = new ArrayList<>(ids);
        int from = order.indexOf(id);
        if (from < 0) {
            return this;
        }
        int to = Math.max(0, Math.min(order.size() - 1, from + delta));
        order.remove(from);
        order.add(to, id);
        return withIds(order);
    }

    public String toQueryString() {
        List<String> parts = new ArrayList<>();
        if (!q.isEmpty()) {
            parts.add("q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        }
        ids.forEach(id -> parts.add("id=" + URLEncoder.encode(id, StandardCharsets.UTF_8)));
        return String.join("&", parts);
    }
}
