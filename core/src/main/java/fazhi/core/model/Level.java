package fazhi.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Administrative level of the government that issued a report. */
public enum Level {
    TOWNSHIP("镇街"), DISTRICT("区县"), DEPARTMENT("部门"), CITY("市"), PROVINCE("省"), UNKNOWN("未知");

    private final String label;

    Level(String label) {
        this.label = label;
    }

    /** Simplified-Chinese label shown to users. */
    public String label() {
        return label;
    }

    @JsonValue
    public String code() {
        return EnumCodes.code(this);
    }

    /** Parses the JSON/URL code; throws {@link IllegalArgumentException} naming the accepted values. */
    @JsonCreator
    public static Level fromCode(String code) {
        return EnumCodes.fromCode(Level.class, code, "level");
    }
}
