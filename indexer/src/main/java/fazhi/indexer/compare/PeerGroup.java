package fazhi.indexer.compare;

import fazhi.core.BadInputException;
import java.util.Locale;

/** One-click column sets for a comparison, relative to one report. */
public enum PeerGroup {
    /** Township reports of the report's district and year. */
    DISTRICT("同区县的镇街"),
    /** The report's township across the years. */
    TOWNSHIP("同一镇街历年");

    private final String label;

    PeerGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PeerGroup fromCode(String code) {
        for (PeerGroup group : values()) {
            if (group.code().equalsIgnoreCase(code == null ? "" : code.strip())) {
                return group;
            }
        }
        throw new BadInputException("bad-group", "对比分组无效：" + code + "（可选 district 同区县的镇街、township 同一镇街历年）");
    }
}
