package fazhi.bench.run;

import fazhi.core.model.Report;
import fazhi.core.model.Section;
import fazhi.core.text.TextNormalizer;
import fazhi.indexer.schema.IndexSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * How the peers see a report, so that the three engines answer the same question: one line per section holding the
 * phrase key (TextNormalizer.phraseKey) of exactly the text the index searches for that section
 * (IndexSchema.sectionContent: heading + body). Our phrase matching is substring search on that key, per section;
 * a peer that finds the query's phrase key as a substring of one of these lines finds the same reports.
 */
final class PeerTexts {
    private PeerTexts() {
    }

    static List<String> sectionKeys(Report report) {
        List<String> keys = new ArrayList<>(report.sections().size());
        for (Section s : report.sections()) {
            keys.add(TextNormalizer.instance().phraseKey(IndexSchema.sectionContent(s.heading(), s.text())));
        }
        return keys;
    }

    /** The text the index analyses for a report's sections (what index MB/s counts), heading + body per section. */
    static long indexedChars(Report report) {
        long chars = 0;
        for (Section s : report.sections()) {
            chars += IndexSchema.sectionContent(s.heading(), s.text()).length();
        }
        return chars;
    }
}
