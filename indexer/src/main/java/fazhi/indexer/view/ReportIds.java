package fazhi.indexer.view;

import fazhi.core.BadInputException;
import java.util.regex.Pattern;

/** What a report id may look like in a URL: letters, digits, dot, dash and underscore; never a path. */
public final class ReportIds {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]{0,127}");

    private ReportIds() {
    }

    /** The id, or bad input (400) when it cannot be a report id. */
    public static String validate(String id) {
        if (id == null || !VALID.matcher(id).matches() || id.contains("..")) {
            throw new BadInputException("bad-id", "报告编号无效：" + abbreviate(id) + "（只能包含字母、数字、点、横线和下划线）");
        }
        return id;
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "（空）";
        }
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
