package fazhi.bench.generate;

import fazhi.core.model.Report;
import fazhi.core.model.Section;
import fazhi.core.model.SectionKind;
import fazhi.core.text.TextNormalizer;
import fazhi.core.understand.PageEvidence;
import fazhi.core.understand.ReportUnderstanding;
import fazhi.core.understand.Understanding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Sentences and headings of the bundled sample corpus, grouped by section kind, as templates: digits become number
 * slots (re-drawn per use, years shifted to the generated report's year) and the sample's own township and district
 * names become slots filled with the generated issuer's. The samples are read through core's report understanding,
 * so the kinds are the ones the real pipeline assigns.
 */
public final class SentencePool {
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[。！？；!?;])|\\n");
    private static final Pattern NUMBERING = Pattern.compile("^\\s*(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十]+部分[、：:\\s]*)\\s*");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private final Map<SectionKind, List<Template>> sentences;
    private final Map<SectionKind, List<Template>> headings;

    private SentencePool(Map<SectionKind, List<Template>> sentences, Map<SectionKind, List<Template>> headings) {
        this.sentences = sentences;
        this.headings = headings;
    }

    /** Reads every {@code .txt} file of the sample folder (samples/seeds) through the report understanding. */
    public static SentencePool fromSamples(Path seedsDir, ReportUnderstanding understanding) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(seedsDir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("no sample texts (*.txt) in " + seedsDir);
        }
        Map<SectionKind, Set<Template>> sentences = new EnumMap<>(SectionKind.class);
        Map<SectionKind, Set<Template>> headings = new EnumMap<>(SectionKind.class);
        for (SectionKind kind : SectionKind.values()) {
            sentences.put(kind, new LinkedHashSet<>());
            headings.put(kind, new LinkedHashSet<>());
        }
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Understanding result = understanding.understand(PageEvidence.ofText(file.toUri().toString(), text));
            for (Report report : result.reports()) {
                int year = report.year() == null ? 2021 : report.year();
                String province = report.region().province();
                String township = report.region().township();
                String district = report.region().district();
                for (Section section : report.sections()) {
                    for (String sentence : SENTENCE_END.split(section.text())) {
                        String s = sentence.strip();
                        if (TextNormalizer.instance().phraseKey(s).length() >= 8) {
                            sentences.get(section.kind()).add(Template.parse(s, year, province, township, district));
                        }
                    }
                    if (section.heading() != null) {
                        String heading = NUMBERING.matcher(section.heading().strip()).replaceFirst("");
                        if (!heading.isEmpty() && heading.length() <= 60) {
                            headings.get(section.kind()).add(Template.parse(heading, year, province, township, district));
                        }
                    }
                }
            }
        }
        Map<SectionKind, List<Template>> s = new EnumMap<>(SectionKind.class);
        Map<SectionKind, List<Template>> h = new EnumMap<>(SectionKind.class);
        for (SectionKind kind : SectionKind.values()) {
            s.put(kind, List.copyOf(sentences.get(kind)));
            h.put(kind, List.copyOf(headings.get(kind)));
        }
        return new SentencePool(s, h);
    }

    /** Sentences of this kind; kinds the samples lack borrow from measures (the largest pool). */
    public List<Template> sentences(SectionKind kind) {
        List<Template> list = sentences.get(kind);
        return list.size() >= 5 ? list : sentences.get(SectionKind.MEASURES);
    }

    /** Headings seen for this kind in the samples, without their numbering; may be empty. */
    public List<Template> headings(SectionKind kind) {
        return headings.get(kind);
    }

    public int size() {
        return sentences.values().stream().mapToInt(List::size).sum();
    }

    public Map<SectionKind, Integer> sizes() {
        Map<SectionKind, Integer> sizes = new EnumMap<>(SectionKind.class);
        sentences.forEach((k, v) -> sizes.put(k, v.size()));
        return sizes;
    }

    /** Who a generated report is about: fills the place slots. */
    public record Place(String province, String township, String district) {
    }

    /**
     * One sentence as parts: literal text, numbers (digit count kept, years shifted), and place slots. Rendering
     * is cheap (no regex) because 100k reports render millions of sentences.
     */
    public static final class Template {
        private final String source;
        private final Object[] parts; // String literal, Num, or Slot

        private Template(String source, Object[] parts) {
            this.source = source;
            this.parts = parts;
        }

        private record Num(int digits, int year) {
        }

        private enum Slot { PROVINCE, TOWNSHIP, DISTRICT }

        static Template parse(String text, int sourceYear, String province, String township, String district) {
            List<Object> parts = new ArrayList<>();
            Map<String, Slot> places = new LinkedHashMap<>();
            // The 范文 page anonymises places as xx区, xx镇: those become slots as well.
            places.put("xx街道", Slot.TOWNSHIP);
            places.put("xx镇", Slot.TOWNSHIP);
            places.put("xx区", Slot.DISTRICT);
            if (township != null && township.length() >= 3) {
                places.put(township, Slot.TOWNSHIP);
            }
            if (district != null && district.length() >= 3) {
                places.put(district, Slot.DISTRICT);
            }
            if (province != null && province.length() >= 3) {
                places.put(province, Slot.PROVINCE);
            }
            int i = 0;
            Matcher digits = DIGITS.matcher(text);
            StringBuilder literal = new StringBuilder();
            while (i < text.length()) {
                if (text.startsWith("20xx", i)) {
                    flush(literal, parts);
                    parts.add(new Num(4, 0));
                    i += 4;
                    continue;
                }
                String place = placeAt(text, i, places.keySet());
                if (place != null) {
                    flush(literal, parts);
                    parts.add(places.get(place));
                    i += place.length();
                    continue;
                }
                if (text.charAt(i) < 128 && Character.isDigit(text.charAt(i)) && digits.find(i) && digits.start() == i) {
                    flush(literal, parts);
                    String n = digits.group();
                    int value = n.length() == 4 ? Integer.parseInt(n) : -1;
                    boolean year = value >= 2000 && value <= 2030;
                    parts.add(new Num(n.length(), year ? value - sourceYear : Integer.MIN_VALUE));
                    i = digits.end();
                    continue;
                }
                literal.append(text.charAt(i));
                i++;
            }
            flush(literal, parts);
            return new Template(text, parts.toArray());
        }

        private static String placeAt(String text, int i, Iterable<String> places) {
            for (String place : places) {
                if (text.startsWith(place, i)) {
                    return place;
                }
            }
            return null;
        }

        private static void flush(StringBuilder literal, List<Object> parts) {
            if (!literal.isEmpty()) {
                parts.add(literal.toString());
                literal.setLength(0);
            }
        }

        /** Appends the sentence for a report of {@code year} about {@code place}, numbers drawn from {@code random}. */
        public void render(StringBuilder out, int year, Place place, SplittableRandom random) {
            for (Object part : parts) {
                if (part instanceof String s) {
                    out.append(s);
                } else if (part instanceof Num n) {
                    if (n.year() != Integer.MIN_VALUE) {
                        out.append(year + n.year());
                    } else if (n.digits() == 1) {
                        out.append(random.nextInt(1, 10));
                    } else {
                        int digits = Math.min(n.digits(), 9);
                        int low = (int) Math.pow(10, digits - 1);
                        out.append(random.nextInt(low, low * 10));
                    }
                } else if (part == Slot.PROVINCE) {
                    out.append(place.province());
                } else if (part == Slot.TOWNSHIP) {
                    out.append(place.township() != null ? place.township() : place.district());
                } else {
                    out.append(place.district());
                }
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Template t && t.source.equals(source);
        }

        @Override
        public int hashCode() {
            return source.hashCode();
        }

        @Override
        public String toString() {
            return source;
        }
    }
}
