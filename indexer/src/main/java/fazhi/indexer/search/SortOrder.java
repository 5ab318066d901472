package fazhi.indexer.search;

import fazhi.core.BadInputException;
import java.util.Locale;

/** How results are ordered: {@code sort=relevance|date|region} in URLs. */
public enum SortOrder {
    /** BM25 + phrase-field score, best first. */
    RELEVANCE("相关度"),
    /** Publication date, newest first; undated reports last. */
    DATE("发布日期"),
    /** Region path (province/district/township) in code-point order, then newest first; unknown regions last. */
    REGION("地区");

    private final String label;

    SortOrder(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SortOrder fromCode(String code) {
        if (code == null || code.isBlank()) {
            return RELEVANCE;
        }
        for (SortOrder order : values()) {
            if (order.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
                return order;
            }
        }
        throw new BadInputException("bad-sort", "排序方式无效：" + code + "（可选 relevance、date、region）");
    }
}
