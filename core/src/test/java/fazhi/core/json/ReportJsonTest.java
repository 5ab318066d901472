package fazhi.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import fazhi.core.model.Attachment;
import fazhi.core.model.Level;
import fazhi.core.model.Region;
import fazhi.core.model.Report;
import fazhi.core.model.Section;
import fazhi.core.model.SectionKind;
import fazhi.core.model.Site;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportJsonTest {
    static Report sample() {
        return new Report("a1b2", "http://www.ybq.gov.cn/t20220110_1.html", List.of("http://www.ybq.gov.cn/t20220110_1.html", "http://mirror.example/1.html"),
                "重庆市渝北区统景镇人民政府2021年法治政府建设年度报告", "重庆市渝北区统景镇人民政府", Level.TOWNSHIP, 2021,
                LocalDate.of(2022, 1, 10), new Region("重庆市", null, "渝北区", "统景镇", "500112133"),
                new Site("重庆市渝北区人民政府", "5001120001"),
                List.of(new Section(null, SectionKind.PREAMBLE, "区政府："),
                        new Section("一、2021 年推进法治政府建设的主要举措和成效", SectionKind.MEASURES, "依托“民情茶室”，<script>x</script>")),
                List.of(new Attachment("http://www.ybq.gov.cn/W020220110.pdf", "附件")), "ffee");
    }

    @Test
    void roundTripKeepsEveryField() throws Exception {
        Report report = sample();
        String line = ReportJson.toLine(report);
        assertThat(line).doesNotContain("\n");
        assertThat(ReportJson.fromLine(line)).isEqualTo(report);
    }

    @Test
    void usesTheContractsFieldNamesAndCodes() {
        String line = ReportJson.toLine(sample());
        assertThat(line).contains("\"level\":\"township\"", "\"kind\":\"measures\"", "\"published\":\"2022-01-10\"",
                "\"year\":2021", "\"idCode\":\"5001120001\"", "\"code\":\"500112133\"", "\"contentHash\":\"ffee\"");
    }

    @Test
    void unknownValuesAreWrittenAsNull() throws Exception {
        Report report = new Report("x", null, null, null, null, null, null, null, null, null, null, null, null);
        String line = ReportJson.toLine(report);
        assertThat(line).contains("\"year\":null", "\"title\":null", "\"level\":\"unknown\"", "\"province\":null").doesNotContain("\"unknown\":");
        assertThat(ReportJson.fromLine(line)).isEqualTo(report);
    }
}
