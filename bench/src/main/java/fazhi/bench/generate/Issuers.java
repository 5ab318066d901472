package fazhi.bench.generate;

import fazhi.core.model.Level;
import fazhi.core.model.Region;
import fazhi.core.region.Division;
import fazhi.core.region.Gazetteer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Real districts and townships of core's gazetteer, as issuers of generated reports. Half the reports come from
 * 重庆市 (the portal's home ground, and where real report sites are crawled), half from every other province.
 */
final class Issuers {
    /** Province-level division codes of mainland China (the gazetteer's roots). */
    private static final List<String> PROVINCES = List.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33",
            "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65");
    /** Municipalities: districts sit directly below the province, so a report's region has no city. */
    private static final Set<String> MUNICIPALITIES = Set.of("11", "12", "31", "50");
    private static final String CHONGQING = "50";

    /** One district with the townships under it (as of the gazetteer's source date). */
    record District(Division province, Division city, Division district, List<Division> townships) {
    }

    /** A drawn issuer: the report's issuer name, level and region. */
    record Issuer(String name, String shortName, Level level, Region region, String districtGovernment, SentencePool.Place place) {
    }

    private final List<District> chongqing = new ArrayList<>();
    private final List<District> elsewhere = new ArrayList<>();

    Issuers(Gazetteer gazetteer) {
        for (String code : PROVINCES) {
            Division province = gazetteer.get(code);
            if (province == null) {
                throw new IllegalStateException("gazetteer has no province " + code);
            }
            for (Division city : gazetteer.children(province)) {
                for (Division district : gazetteer.children(city)) {
                    if (district.code() == null || district.depth() != Division.DISTRICT || district.name().equals("市辖区")) {
                        continue; // 两江新区 (created after the source date, no code) and placeholder rows
                    }
                    List<Division> townships = gazetteer.children(district).stream()
                            .filter(t -> t.depth() == Division.TOWNSHIP && t.parent().equals(district.key()) && t.code() != null)
                            .toList();
                    District d = new District(province, city, district, townships);
                    (code.equals(CHONGQING) ? chongqing : elsewhere).add(d);
                }
            }
        }
        if (chongqing.isEmpty() || elsewhere.isEmpty()) {
            throw new IllegalStateException("gazetteer lists no districts");
        }
    }

    int districtCount() {
        return chongqing.size() + elsewhere.size();
    }

    int townshipCount() {
        return chongqing.stream().mapToInt(d -> d.townships().size()).sum()
                + elsewhere.stream().mapToInt(d -> d.townships().size()).sum();
    }

    /** Two in three reports from a township (镇街), the rest from a district government. */
    Issuer draw(SplittableRandom random) {
        List<District> from = random.nextBoolean() ? chongqing : elsewhere;
        District d = from.get(random.nextInt(from.size()));
        boolean municipality = MUNICIPALITIES.contains(d.province().key());
        String city = municipality || isPlaceholderCity(d.city().name()) ? null : d.city().name();
        String prefix = d.province().name() + (city == null ? "" : city) + d.district().name();
        String districtGovernment = prefix + "人民政府";
        if (d.townships().isEmpty() || random.nextInt(3) == 0) {
            Region region = new Region(d.province().name(), city, d.district().name(), null, d.district().code());
            return new Issuer(districtGovernment, d.district().name(), Level.DISTRICT, region, districtGovernment,
                    new SentencePool.Place(d.province().name(), null, d.district().name()));
        }
        Division t = d.townships().get(random.nextInt(d.townships().size()));
        String office = t.name().endsWith("街道") ? "办事处" : "人民政府";
        Region region = new Region(d.province().name(), city, d.district().name(), t.name(), t.code());
        return new Issuer(prefix + t.name() + office, t.name(), Level.TOWNSHIP, region, districtGovernment,
                new SentencePool.Place(d.province().name(), t.name(), d.district().name()));
    }

    private static boolean isPlaceholderCity(String name) {
        return name.equals("市辖区") || name.equals("县") || name.endsWith("直辖县级行政区划");
    }
}
