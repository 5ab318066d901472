package fazhi.core.understand;

import static org.assertj.core.api.Assertions.assertThat;

import fazhi.core.model.Section;
import fazhi.core.model.SectionKind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Heading rules of analysis-config/understanding/sections.yml, applied by the one classifier. */
class SectionClassifierTest {
    static final SectionClassifier classifier = Shared.UNDERSTANDING.sectionClassifier();

    @Test
    void numberingLevels() {
        assertThat(classifier.heading("一、基本情况").level()).isEqualTo(1);
        assertThat(classifier.heading("十二、其他需要报告的情况").number()).isEqualTo(12);
        assertThat(classifier.heading("（一）加强领导").level()).isEqualTo(2);
        assertThat(classifier.heading("(二)加强领导").level()).isEqualTo(2);
        assertThat(classifier.heading("三)加强领导").level()).isEqualTo(2);
        assertThat(classifier.heading("1.加强领导").level()).isEqualTo(3);
        assertThat(classifier.heading("2、加强领导").level()).isEqualTo(3);
        assertThat(classifier.heading("3．加强领导").level()).isEqualTo(3);
        assertThat(classifier.heading("４、全角数字").level()).isEqualTo(3);
    }

    @Test
    void notHeadings() {
        assertThat(classifier.heading("一是加强学习。二是规范执法。")).isNull();
        assertThat(classifier.heading("3.5亿元用于法治建设")).isNull();
        assertThat(classifier.heading("2021年，统景镇坚持以习近平新时代中国特色社会主义思想为指导")).isNull();
        assertThat(classifier.heading("一、" + "很长的段落".repeat(30))).isNull();
    }

    @Test
    void headingRunIntoItsBody() {
        SectionClassifier.Heading h = classifier.heading("（一）依法全面履行政府职能。一是深化行政审批制度改革。");
        assertThat(h.text()).isEqualTo("（一）依法全面履行政府职能。");
        assertThat(h.rest()).isEqualTo("一是深化行政审批制度改革。");
        assertThat(classifier.heading("三、存在不足。").rest()).isEmpty();
    }

    @Test
    void markdownIsCleaned() {
        assertThat(classifier.clean("## 一、2021 年推进法治政府建设的主要举措和成效")).isEqualTo("一、2021 年推进法治政府建设的主要举措和成效");
        assertThat(classifier.clean("**三是推动解决问题情况。**下沉式探索")).isEqualTo("三是推动解决问题情况。下沉式探索");
    }

    @Test
    void topLevelNumbersOnlyGoForward() {
        List<Section> sections = classifier.sections(List.of("区政府：", "一、主要举措和成效", "正文", "二、存在的问题", "问题",
                "三、下一步工作计划", "一、加强学习", "二、规范执法"), Set.of());
        assertThat(sections).extracting(Section::heading, Section::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(null, SectionKind.PREAMBLE),
                org.assertj.core.groups.Tuple.tuple("一、主要举措和成效", SectionKind.MEASURES),
                org.assertj.core.groups.Tuple.tuple("二、存在的问题", SectionKind.PROBLEMS),
                org.assertj.core.groups.Tuple.tuple("三、下一步工作计划", SectionKind.PLANS));
        assertThat(sections.get(3).text()).isEqualTo("一、加强学习\n二、规范执法");
    }

    @Test
    void earliestCueDecidesAndGenericHeadingsReadTheBody() {
        assertThat(classifier.classify("二、存在问题和下一步打算", "")).isEqualTo(SectionKind.PROBLEMS);
        assertThat(classifier.classify("四、下一步解决问题的措施", "")).isEqualTo(SectionKind.PLANS);
        assertThat(classifier.classify("一、基本情况", "街道严格落实第一责任人职责。一是…")).isEqualTo(SectionKind.LEADERSHIP);
        assertThat(classifier.classify("一、基本情况", "2022年，全区法治政府建设稳步推进。第一责任人…")).isEqualTo(SectionKind.MEASURES);
        assertThat(classifier.classify("一、强化组织领导，夯实法治基础", "")).isEqualTo(SectionKind.MEASURES);
        assertThat(classifier.classify("三、存在的問題和不足", "")).isEqualTo(SectionKind.PROBLEMS);
    }

    @Test
    void secondLevelNumberingIsTopLevelWhenThereIsNoFirstLevel() {
        List<Section> sections = classifier.sections(List.of("镇政府2022年法治政府建设情况如下：", "（一）主要工作", "1.学法。",
                "（二）存在问题", "不足。", "（三）下步打算", "继续。"), Set.of());
        assertThat(sections).extracting(Section::kind).containsExactly(SectionKind.PREAMBLE, SectionKind.MEASURES,
                SectionKind.PROBLEMS, SectionKind.PLANS);
        assertThat(classifier.heading("第二部分 存在的问题").level()).isEqualTo(1);
    }
}
