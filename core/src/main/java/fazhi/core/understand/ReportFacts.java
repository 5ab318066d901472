package fazhi.core.understand;

import fazhi.core.model.Level;
import fazhi.core.model.Region;
import java.time.LocalDate;

/** What is understood about a report apart from its sections; unknown values are null (region: Region.UNKNOWN). */
public record ReportFacts(String title, String issuer, Level level, Integer year, LocalDate published, Region region) {
}
