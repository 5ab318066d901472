package fazhi.indexer.view;

import fazhi.core.model.Region;
import fazhi.indexer.schema.ReportDocuments;
import java.util.List;

/** How a report is named to a reader when fields are missing (titles and regions are often unknown). */
public final class ReportLabels {
    private ReportLabels() {
    }

    /** Title, else issuer, else a placeholder. */
    public static String title(String title, String issuer) {
        if (title != null && !title.isBlank()) {
            return title;
        }
        if (issuer != null && !issuer.isBlank()) {
            return issuer + " 法治政府建设报告";
        }
        return "（无标题报告）";
    }

    /** 重庆市 / 渝北区 / 统景镇, or 地区未知. */
    public static String place(Region region) {
        List<String> path = ReportDocuments.regionPath(region == null ? Region.UNKNOWN : region);
        return path.isEmpty() ? "地区未知" : String.join(" / ", path);
    }

    /** Short column name for comparisons: 统景镇 2021年 (the most specific place known, else the issuer or title). */
    public static String column(Region region, String issuer, String title, Integer year) {
        String who;
        if (region != null && region.township() != null) {
            who = region.township();
        } else if (region != null && region.district() != null) {
            who = region.district();
        } else if (issuer != null && !issuer.isBlank()) {
            who = issuer;
        } else {
            who = title(title, issuer);
        }
        return who + " " + (year == null ? "年份未知" : year + "年");
    }
}
