package fazhi.indexer.analysis;

import fazhi.core.text.TextNormalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Synonym groups (analysis-config/dictionary/synonyms.txt, loaded from the classpath). A line {@code a, b, c} makes
 * each term expand to the others; {@code a => b, c} expands a only. Terms are looked up by phrase key, so
 * “放管服” and 放 管 服 find the same group. Used only for ranking (see QueryTranslator): expansions are optional
 * clauses, never a change to which reports match.
 */
public final class Synonyms {
    public static final String RESOURCE = "analysis-config/dictionary/synonyms.txt";

    private final Map<String, List<String>> expansions;

    public Synonyms(List<String> lines) {
        Map<String, Set<String>> map = new HashMap<>();
        for (String line : lines) {
            int arrow = line.indexOf("=>");
            if (arrow >= 0) {
                List<String> left = split(line.substring(0, arrow));
                List<String> right = split(line.substring(arrow + 2));
                for (String term : left) {
                    map.computeIfAbsent(key(term), k -> new LinkedHashSet<>()).addAll(right);
                }
            } else {
                List<String> group = split(line);
                for (String term : group) {
                    Set<String> others = map.computeIfAbsent(key(term), k -> new LinkedHashSet<>());
                    for (String other : group) {
                        if (!key(other).equals(key(term))) {
                            others.add(other);
                        }
                    }
                }
            }
        }
        Map<String, List<String>> frozen = new HashMap<>();
        map.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        this.expansions = Map.copyOf(frozen);
    }

    public static Synonyms shipped() {
        return new Synonyms(UserDictionary.readLines(RESOURCE));
    }

    /** The terms {@code term} expands to (empty when it has no synonyms). */
    public List<String> expand(String term) {
        return expansions.getOrDefault(key(term), List.of());
    }

    private static String key(String term) {
        return TextNormalizer.instance().phraseKey(term);
    }

    private static List<String> split(String part) {
        List<String> terms = new ArrayList<>();
        for (String t : part.split("[,，]")) {
            if (!t.isBlank()) {
                terms.add(t.strip());
            }
        }
        return terms;
    }
}
