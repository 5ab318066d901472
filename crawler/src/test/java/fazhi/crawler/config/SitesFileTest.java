package fazhi.crawler.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fazhi.core.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SitesFileTest {
    @TempDir
    Path dir;

    @Test
    void theShippedChongqingSitesFileIsValid() {
        SitesFile sites = SitesFile.read(Path.of("..", "analysis-config", "sites", "chongqing.yml"));
        assertThat(sites.sites()).hasSizeGreaterThanOrEqualTo(38);
        assertThat(sites.sites()).allSatisfy(s -> {
            assertThat(s.region()).matches("500\\d{3}");
            assertThat(s.seeds()).isNotEmpty();
            assertThat(s.delayMs()).isGreaterThanOrEqualTo(1000);
        });
        assertThat(sites.siteFor("http://www.ybq.gov.cn/zwgk_70755/fznb/index.html")).get().extracting(SiteConfig::region).isEqualTo("500112");
        assertThat(sites.settings().userAgent()).contains("fazhi-crawler").contains("+http");
    }

    @Test
    void defaultsAndAllowPrefixes() throws Exception {
        Path file = dir.resolve("s.yml");
        Files.writeString(file, """
                sites:
                  - name: 测试
                    seeds: ["http://WWW.Example.gov.cn/col/index.html"]
                """);
        SitesFile sites = SitesFile.read(file);
        SiteConfig site = sites.sites().get(0);
        assertThat(site.allow()).containsExactly("http://WWW.Example.gov.cn/");
        assertThat(site.allows("http://www.example.gov.cn/a.html")).isTrue();
        assertThat(site.allows("http://other.gov.cn/a.html")).isFalse();
        assertThat(site.delayMs()).isEqualTo(1000);
        assertThat(site.maxDepth()).isEqualTo(6);
    }

    @Test
    void mistakesAreBadInputNamingTheProblem() throws Exception {
        Path file = dir.resolve("bad.yml");
        Files.writeString(file, "sites:\n  - name: x\n    seeds: [\"ftp://x\"]\n");
        assertThatThrownBy(() -> SitesFile.read(file)).isInstanceOf(BadInputException.class).hasMessageContaining("ftp://x");
        Files.writeString(file, "sites:\n  - name: x\n    seedz: [\"http://x/\"]\n");
        assertThatThrownBy(() -> SitesFile.read(file)).isInstanceOf(BadInputException.class).hasMessageContaining("seedz");
        assertThatThrownBy(() -> SitesFile.read(dir.resolve("none.yml"))).isInstanceOf(BadInputException.class);
    }
}
