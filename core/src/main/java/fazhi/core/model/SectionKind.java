package fazhi.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The parts of a 法治政府建设 report named by the 2019 督察工作规定, plus the text before the first heading. */
public enum SectionKind {
    PREAMBLE("前言"),
    MEASURES("主要举措和成效"),
    PROBLEMS("存在的不足和原因"),
    LEADERSHIP("第一责任人职责"),
    PLANS("下一年度安排"),
    OTHER("其他情况");

    private final String label;

    SectionKind(String label) {
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

    @JsonCreator
    public static SectionKind fromCode(String code) {
        return EnumCodes.fromCode(SectionKind.class, code, "section kind");
    }
}
