package fazhi.indexer.search;

import fazhi.core.BadInputException;
import fazhi.core.model.Level;
import fazhi.core.model.SectionKind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One search, as an immutable value: query text, facet filters (several values of one facet = OR, facets combined
 * with AND), sort and the page wanted. Equal requests are equal values, so a request is also its own cache key:
 * the canonical constructor strips and collapses whitespace in {@code q} and sorts and de-duplicates every filter.
 *
 * <p>Paging: {@code page} (1-based) and {@code size} (0 = only total and facets, at most {@link #MAX_SIZE}); for
 * deep paging pass {@code cursor} = a previous result's {@link SearchResult#nextCursor()} (then {@code page} is only
 * informative). The {@link Builder} parses raw URL/CLI strings and throws {@link BadInputException} with a message
 * in Chinese for anything malformed.
 *
 * @param q       the query text in the query language of design.md; blank = every report
 * @param regions facet path ("重庆市/渝北区"), division code prefix ("500112") or a name ("统景镇")
 */
public record SearchRequest(String q, List<Integer> years, List<String> regions, List<SectionKind> sections,
                            List<Level> levels, SortOrder sort, int page, int size, String cursor) {
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** Deepest result reachable with page numbers; beyond it, use the cursor. */
    public static final int MAX_PAGE_DEPTH = 10_000;
    private static final Pattern SPACES = Pattern.compile("[\\s\\u3000]+");
    private static final Pattern FOUR_DIGITS = Pattern.compile("\\d{4}");

    public SearchRequest {
        q = q == null ? "" : SPACES.matcher(q).replaceAll(" ").strip();
        years = List.copyOf(new TreeSet<>(years == null ? List.of() : years));
        regions = List.copyOf(new TreeSet<>(regions == null ? List.of() : regions.stream().map(String::strip).filter(s -> !s.isEmpty()).toList()));
        sections = List.copyOf(new TreeSet<>(sections == null ? List.of() : sections));
        levels = List.copyOf(new TreeSet<>(levels == null ? List.of() : levels));
        sort = sort == null ? SortOrder.RELEVANCE : sort;
        if (page < 1) {
            throw new BadInputException("bad-page", "页码无效：" + page + "（从 1 开始）");
        }
        if (size < 0 || size > MAX_SIZE) {
            throw new BadInputException("bad-size", "每页条数无效：" + size + "（0 到 " + MAX_SIZE + "）");
        }
        if (cursor == null && (long) page * size > MAX_PAGE_DEPTH) {
            throw new BadInputException("page-too-deep", "页码过大：最多可按页码翻到第 " + MAX_PAGE_DEPTH + " 条结果，更深请使用 cursor 参数逐页翻页");
        }
        cursor = cursor == null || cursor.isBlank() ? null : cursor.strip();
    }

    /** The first page of {@code q}, relevance order, no filters. */
    public static SearchRequest of(String q) {
        return new SearchRequest(q, null, null, null, null, SortOrder.RELEVANCE, 1, DEFAULT_SIZE, null);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.q = q;
        b.years.addAll(years);
        b.regions.addAll(regions);
        b.sections.addAll(sections);
        b.levels.addAll(levels);
        b.sort = sort;
        b.page = page;
        b.size = size;
        b.cursor = cursor;
        return b;
    }

    public SearchRequest withPage(int newPage) {
        return new SearchRequest(q, years, regions, sections, levels, sort, newPage, size, null);
    }

    public SearchRequest withSize(int newSize) {
        return new SearchRequest(q, years, regions, sections, levels, sort, page, newSize, cursor);
    }

    public SearchRequest withSort(SortOrder newSort) {
        return new SearchRequest(q, years, regions, sections, levels, newSort, 1, size, null);
    }

    public SearchRequest withCursor(String newCursor) {
        return new SearchRequest(q, years, regions, sections, levels, sort, page, size, newCursor);
    }

    /** The same search without paging state (relevance order, page 1, size 0): what totals and facets depend on. */
    public SearchRequest withoutPaging() {
        return new SearchRequest(q, years, regions, sections, levels, SortOrder.RELEVANCE, 1, 0, null);
    }

    /**
     * URL parameters of this request (q, year, region, section, level, sort, page, size, cursor), UTF-8 encoded,
     * omitting defaults; the web builds links from it so every state lives in the URL.
     */
    public String toQueryString() {
        List<String> parts = new ArrayList<>();
        if (!q.isEmpty()) {
            parts.add("q=" + enc(q));
        }
        years.forEach(y -> parts.add("year=" + y));
        regions.forEach(r -> parts.add("region=" + enc(r)));
        sections.forEach(s -> parts.add("section=" + s.code()));
        levels.forEach(l -> parts.add("level=" + l.code()));
        if (sort != SortOrder.RELEVANCE) {
            parts.add("sort=" + sort.code());
        }
        if (page != 1) {
            parts.add("page=" + page);
        }
        if (size != DEFAULT_SIZE) {
            parts.add("size=" + size);
        }
        if (cursor != null) {
            parts.add("cursor=" + enc(cursor));
        }
        return String.join("&", parts);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Collects raw parameter strings (URL or CLI), validating each as it comes. */
    public static final class Builder {
        private String q = "";
        private final List<Integer> years = new ArrayList<>();
        private final List<String> regions = new ArrayList<>();
        private final List<SectionKind> sections = new ArrayList<>();
        private final List<Level> levels = new ArrayList<>();
        private SortOrder sort = SortOrder.RELEVANCE;
        private int page = 1;
        private int size = DEFAULT_SIZE;
        private String cursor;

        public Builder q(String value) {
            q = value == null ? "" : value;
            return this;
        }

        public Builder year(String value) {
            years.add(parseYear(value));
            return this;
        }

        public Builder year(int value) {
            years.add(parseYear(String.valueOf(value)));
            return this;
        }

        public Builder region(String value) {
            if (value != null && !value.isBlank()) {
                regions.add(value.strip());
            }
            return this;
        }

        /** A section kind by code (problems) or Chinese label (存在的不足和原因). */
        public Builder section(String value) {
            sections.add(parseSection(value));
            return this;
        }

        public Builder section(SectionKind kind) {
            sections.add(Objects.requireNonNull(kind));
            return this;
        }

        public Builder level(String value) {
            levels.add(parseLevel(value));
            return this;
        }

        public Builder level(Level level) {
            levels.add(Objects.requireNonNull(level));
            return this;
        }

        public Builder sort(String value) {
            sort = SortOrder.fromCode(value);
            return this;
        }

        public Builder sort(SortOrder value) {
            sort = value == null ? SortOrder.RELEVANCE : value;
            return this;
        }

        public Builder page(String value) {
            page = parseInt(value, "page", "页码", 1);
            return this;
        }

        public Builder page(int value) {
            page = value;
            return this;
        }

        public Builder size(String value) {
            size = parseInt(value, "size", "每页条数", DEFAULT_SIZE);
            return this;
        }

        public Builder size(int value) {
            size = value;
            return this;
        }

        public Builder cursor(String value) {
            cursor = value;
            return this;
        }

        public SearchRequest build() {
            return new SearchRequest(q, years, regions, sections, levels, sort, page, size, cursor);
        }
    }

    static int parseYear(String value) {
        String v = value == null ? "" : value.strip();
        if (FOUR_DIGITS.matcher(v).matches()) {
            int year = Integer.parseInt(v);
            if (year >= 1949 && year <= 2200) {
                return year;
            }
        }
        throw new BadInputException("bad-year", "年份无效：" + value + "（应为四位年份，例如 2021）");
    }

    static SectionKind parseSection(String value) {
        String v = value == null ? "" : value.strip();
        for (SectionKind kind : SectionKind.values()) {
            if (kind.code().equalsIgnoreCase(v) || kind.label().equals(v)) {
                return kind;
            }
        }
        throw new BadInputException("bad-section", "章节类别无效：" + value
                + "（可选 preamble 前言、measures 主要举措和成效、problems 存在的不足和原因、leadership 第一责任人职责、plans 下一年度安排、other 其他情况）");
    }

    static Level parseLevel(String value) {
        String v = value == null ? "" : value.strip();
        for (Level level : Level.values()) {
            if (level.code().equalsIgnoreCase(v) || level.label().equals(v)) {
                return level;
            }
        }
        throw new BadInputException("bad-level", "层级无效：" + value + "（可选 township 镇街、district 区县、department 部门、city 市、province 省、unknown 未知）");
    }

    private static int parseInt(String value, String name, String label, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new BadInputException("bad-" + name, label + "无效：" + value + "（应为整数）");
        }
    }
}
