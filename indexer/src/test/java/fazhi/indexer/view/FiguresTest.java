package fazhi.indexer.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FiguresTest {
    @Test
    void emphasisesNumbersWithUnits() {
        assertThat(Figures.emphasise("审查合同6件，化解纠纷614起，满意度99.8%，经费1.5万元"))
                .isEqualTo("审查合同<strong class=\"fig\">6件</strong>，化解纠纷<strong class=\"fig\">614起</strong>，满意度"
                        + "<strong class=\"fig\">99.8%</strong>，经费<strong class=\"fig\">1.5万元</strong>");
    }

    @Test
    void leavesYearsTagsAndEntitiesAlone() {
        String html = "2021年<mark>法律顾问</mark>&#39;39件&#39; &lt;b&gt;";
        assertThat(Figures.emphasise(html)).isEqualTo("2021年<mark>法律顾问</mark>&#39;<strong class=\"fig\">39件</strong>&#39; &lt;b&gt;");
    }
}
