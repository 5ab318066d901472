package fazhi.indexer.search;

import fazhi.core.model.Level;
import fazhi.core.model.Region;
import fazhi.core.model.Report;
import fazhi.core.model.Section;
import fazhi.core.model.SectionKind;
import fazhi.indexer.TestCorpora;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Reports of 1–4 sections of random kinds made of domain sentences, with years, levels and regions: the corpus
 * the one-pass tests compare the fast and the general paths on.
 */
final class SectionedCorpus {
    private SectionedCorpus() {
    }

    static List<Report> reports(String prefix, int count, long seed, String[] sentences, int maxSentences) {
        Random random = new Random(seed);
        Region[] regions = FacetCounterTest.REGIONS;
        List<Report> reports = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<Section> sections = new ArrayList<>();
            for (int s = 0; s < 1 + random.nextInt(4); s++) {
                StringBuilder text = new StringBuilder();
                for (int w = 0; w < 1 + random.nextInt(maxSentences); w++) {
                    text.append(sentences[random.nextInt(sentences.length)]);
                }
                sections.add(new Section(random.nextInt(4) == 0 ? null : "第" + s + "部分",
                        SectionKind.values()[random.nextInt(SectionKind.values().length)], text.toString()));
            }
            reports.add(TestCorpora.report(prefix + i, 2019 + random.nextInt(5), LocalDate.of(2021, 1, 1).plusDays(random.nextInt(400)),
                    Level.values()[random.nextInt(Level.values().length)], regions[random.nextInt(regions.length)],
                    sections.toArray(Section[]::new)));
        }
        return reports;
    }

    /**
     * Indexes {@code count} reports, then runs the indexer again with a fifth of them changed and half as many added:
     * an index of several segments with deleted documents.
     */
    static void indexTwice(Path dir, int count, long seed, String[] sentences, int maxSentences) throws IOException {
        List<Report> first = reports("a", count, seed, sentences, maxSentences);
        TestCorpora.index(dir, first);
        List<Report> second = new ArrayList<>(first);
        List<Report> changed = reports("a", count / 5, seed + 1, sentences, maxSentences);
        for (int i = 0; i < changed.size(); i++) {
            second.set(i * 5, changed.get(i));
        }
        second.addAll(reports("b", count / 2, seed + 2, sentences, maxSentences));
        TestCorpora.index(dir, second);
    }
}
