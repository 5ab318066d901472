package fazhi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DownloadsTest {
    @Test
    void filenameIsBuiltFromQueryAndDateWithoutPathCharacters() {
        LocalDate day = LocalDate.of(2026, 3, 1);
        assertThat(Downloads.filename("法治报告", "民情茶室", day)).isEqualTo("法治报告_民情茶室_2026-03-01.csv");
        assertThat(Downloads.filename("法治报告", "\"法律顾问\" OR ../公职律师", day)).isEqualTo("法治报告_法律顾问_OR_.._公职律师_2026-03-01.csv");
        assertThat(Downloads.filename("法治报告", "", day)).isEqualTo("法治报告_2026-03-01.csv");
        assertThat(Downloads.filename("法治报告", "法".repeat(100), day)).hasSize(4 + 1 + 40 + 1 + 10 + 4);
    }

    @Test
    void contentDispositionCarriesAnAsciiFallbackAndTheUtf8Name() {
        String value = Downloads.attachment("法治报告_民情茶室 x_2026-03-01.csv");
        assertThat(value).startsWith("attachment; filename=\"").doesNotContain("\"法");
        String fallback = value.substring(value.indexOf('"') + 1, value.indexOf('"', value.indexOf('"') + 1));
        assertThat(fallback).isEqualTo("fazhi_x_2026-03-01.csv");
        assertThat(Downloads.attachment("法治报告_2026-03-01.csv")).contains("filename=\"fazhi_2026-03-01.csv\"");
        String encoded = value.substring(value.indexOf("filename*=UTF-8''") + "filename*=UTF-8''".length());
        assertThat(encoded).doesNotContain(" ").doesNotContain("+");
        assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).isEqualTo("法治报告_民情茶室 x_2026-03-01.csv");
    }
}
