package fazhi.crawler.extract;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fazhi.core.BadInputException;
import fazhi.core.understand.ReportUnderstanding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `./portal extract` on files a user names: damaged documents are bad input with a reason, never a crash. */
class SingleExtractionTest {
    @TempDir
    Path dir;

    @Test
    void aDamagedDocxIsBadInputNamingTheFile() throws Exception {
        Path docx = Files.write(dir.resolve("report.docx"), "PK\u0003\u0004 not really a docx".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> new SingleExtraction(new ReportUnderstanding()).extract(docx.toString(), null))
                .isInstanceOf(BadInputException.class).hasMessageContaining("report.docx");
    }

    @Test
    void aTruncatedPdfIsBadInputNamingTheFile() throws Exception {
        Path pdf = Files.writeString(dir.resolve("cut.pdf"), "%PDF-1.4\n1 0 obj << /Type /Catalog");
        assertThatThrownBy(() -> new SingleExtraction(new ReportUnderstanding()).extract(pdf.toString(), null))
                .isInstanceOf(BadInputException.class).hasMessageContaining("cut.pdf");
    }
}
