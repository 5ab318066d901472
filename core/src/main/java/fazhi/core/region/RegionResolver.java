package fazhi.core.region;

import com.ibm.icu.text.Transliterator;
import fazhi.core.model.Region;
import fazhi.core.text.TextNormalizer;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place that turns evidence about a page into a {@link Region}, over one {@link Gazetteer}.
 *
 * <p>Evidence in order of trust: division names in the title and issuer, then in the ContentSource, the SiteIDCode
 * prefix (the site's district), the sites file's region, and last the URL (pinyin-initial slugs such as /tjz/ for
 * 统景镇, only among the children of a division already known). A district named in the report wins over the site's
 * code. A township name that several divisions share is resolved only with district (or city/province) evidence;
 * otherwise the name is kept and the code left null — a wrong code is worse than none. The district is the one
 * named in the report: 渝北区统景镇 stays in 渝北区 after the 2025 change, 北碚区统景镇 is placed in 北碚区.
 */
public final class RegionResolver {
    private final Gazetteer gazetteer;
    private final RegionRules rules;
    private final TextNormalizer normalizer = TextNormalizer.instance();
    private final Set<String> neverMatch = new HashSet<>();
    /** division key → pinyin initials of each child (computed on first use; ICU transliteration is slow). */
    private final Map<String, Map<Division, String>> childInitials = new ConcurrentHashMap<>();
    private Transliterator toLatin; // guarded by this

    public RegionResolver(Gazetteer gazetteer, RegionRules rules) {
        this.gazetteer = gazetteer;
        this.rules = rules;
        rules.neverMatch().forEach(n -> neverMatch.add(normalizer.searchForm(n)));
        rules.placeholderCities().forEach(n -> neverMatch.add(normalizer.searchForm(n)));
    }

    public Gazetteer gazetteer() {
        return gazetteer;
    }

    /** A division name found in text, with every division that bears it. */
    public record Mention(String name, List<Division> candidates) {
        List<Division> atDepth(int depth) {
            return candidates.stream().filter(d -> d.depth() == depth).toList();
        }
    }

    /** Division names in the text, leftmost-longest and non-overlapping (渝北区 is not read as 北区). */
    public List<Mention> mentions(String text) {
        List<Mention> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        String s = normalizer.searchForm(text).replaceAll("\\s+", "");
        int i = 0;
        while (i < s.length()) {
            int matched = 0;
            for (int length = Math.min(gazetteer.longestName(), s.length() - i); length >= 2; length--) {
                String name = s.substring(i, i + length);
                if (matchable(name) && !gazetteer.named(name).isEmpty()) {
                    found.add(new Mention(name, gazetteer.named(name)));
                    matched = length;
                    break;
                }
            }
            i += matched > 0 ? matched : 1;
        }
        return found;
    }

    private boolean matchable(String name) {
        if (neverMatch.contains(name)) {
            return false;
        }
        return name.length() >= rules.minNameChars() || (name.length() == 2 && name.endsWith(rules.shortCountySuffix()));
    }

    /** The most specific division the text names that is not ambiguous in context (for an issuer's level). */
    public Division lastNamed(String text) {
        List<Mention> mentions = mentions(text);
        List<Division> scope = new ArrayList<>();
        Division last = null;
        for (Mention mention : mentions) {
            List<Division> fitting = mention.candidates().stream().filter(d -> fitsAll(d, scope)).toList();
            Division chosen = fitting.size() == 1 ? fitting.get(0) : null;
            if (chosen == null && !fitting.isEmpty() && fitting.stream().map(Division::depth).distinct().count() == 1) {
                // Ambiguous by place but not by depth: the level is still known.
                chosen = fitting.get(0);
            } else if (chosen != null) {
                scope.add(chosen);
            }
            if (chosen != null) {
                last = chosen;
            }
        }
        return last;
    }

    public Region resolve(RegionEvidence evidence) {
        List<Mention> named = new ArrayList<>(mentions(evidence.titleAndIssuer()));
        List<Mention> source = mentions(evidence.source());
        List<Division> anchors = new ArrayList<>();
        Division site = siteDivision(evidence.siteIdCode());
        if (site != null) {
            anchors.add(site);
        }
        Division configured = configuredDivision(evidence.configuredRegion());
        if (configured != null) {
            anchors.add(configured);
        }

        // Province and city names narrow every other name.
        List<Division> scope = new ArrayList<>();
        for (List<Mention> tier : List.of(named, source)) {
            for (Mention m : tier) {
                for (int depth : new int[] {Division.PROVINCE, Division.CITY}) {
                    List<Division> fitting = m.atDepth(depth).stream().filter(d -> fitsAll(d, scope)).toList();
                    if (fitting.size() == 1) {
                        scope.add(fitting.get(0));
                    }
                }
            }
        }

        Division district = null;
        boolean districtNamed = false;
        // A district name several districts bear (鼓楼区, 朝阳区) with nothing to tell them apart: the name is kept,
        // the code is not guessed — like an ambiguous township name.
        List<Division> ambiguousDistricts = List.of();
        for (List<Mention> tier : List.of(named, source)) {
            for (Mention m : tier) {
                List<Division> fitting = narrow(m.atDepth(Division.DISTRICT), scope, anchors);
                if (fitting.size() == 1) {
                    district = fitting.get(0);
                    districtNamed = true;
                    break;
                }
                if (fitting.size() > 1 && ambiguousDistricts.isEmpty() && !m.atDepth(Division.DISTRICT).isEmpty()
                        && m.candidates().stream().allMatch(d -> d.depth() == Division.DISTRICT)) {
                    ambiguousDistricts = fitting;
                }
            }
            if (district != null) {
                break;
            }
        }
        if (district != null) {
            ambiguousDistricts = List.of();
        }
        if (district == null && ambiguousDistricts.isEmpty()) {
            for (Division anchor : anchors) {
                Division d = gazetteer.ancestor(anchor, Division.DISTRICT);
                if (d != null && fitsAll(d, scope)) {
                    district = d;
                    break;
                }
            }
        }

        String townshipName = null;
        Division township = null;
        List<Division> townshipCandidates = List.of();
        for (List<Mention> tier : List.of(named, source)) {
            for (Mention m : tier) {
                List<Division> candidates = m.atDepth(Division.TOWNSHIP);
                // 滨海新区 names the district here, although a township elsewhere bears the same name.
                boolean namesDistrict = district != null && m.candidates().contains(district);
                if (!candidates.isEmpty() && !namesDistrict) {
                    townshipName = candidates.get(0).name();
                    townshipCandidates = candidates;
                    break;
                }
            }
            if (townshipName != null) {
                break;
            }
        }
        if (townshipName != null) {
            if (district != null) {
                Division d = district;
                List<Division> inDistrict = townshipCandidates.stream().filter(t -> gazetteer.belongsTo(t, d)).toList();
                if (inDistrict.size() == 1) {
                    township = inDistrict.get(0);
                } else if (inDistrict.isEmpty() && !districtNamed) {
                    // The site's district does not hold this township: trust the name, not the site code.
                    district = null;
                }
            }
            if (district == null) {
                List<Division> fitting = narrow(townshipCandidates, scope, List.of());
                if (!ambiguousDistricts.isEmpty()) {
                    // The township narrows the district name and the district name the township (鼓楼区 + 某街道).
                    List<Division> named2 = ambiguousDistricts;
                    List<Division> inNamed = fitting.stream().filter(t -> named2.stream().anyMatch(d -> gazetteer.belongsTo(t, d))).toList();
                    if (!inNamed.isEmpty()) {
                        fitting = inNamed;
                    }
                }
                if (fitting.size() == 1) {
                    township = fitting.get(0);
                    district = gazetteer.get(township.parent());
                    Division placed = township;
                    // Named in a district it has moved to: keep that district, as named.
                    district = ambiguousDistricts.stream().filter(d -> gazetteer.belongsTo(placed, d)).findFirst().orElse(district);
                    ambiguousDistricts = List.of();
                } else {
                    // Ambiguous: keep the name, place it no deeper than all candidates agree.
                    scope.add(commonAncestor(fitting.isEmpty() ? townshipCandidates : fitting));
                }
            }
        } else if (district != null) {
            township = bySlug(district, evidence.url());
            townshipName = township == null ? null : township.name();
        }
        if (!ambiguousDistricts.isEmpty()) {
            Division shared = commonAncestor(ambiguousDistricts);
            if (shared != null && shared.depth() < Division.DISTRICT) {
                scope.add(shared);
            }
            return ambiguousRegion(scope, ambiguousDistricts.get(0).name(), townshipName);
        }
        if (district == null && townshipName == null) {
            Division context = deepest(scope);
            if (context != null) {
                district = bySlug(context, evidence.url());
            }
            if (district == null) {
                for (Division anchor : anchors) {
                    scope.add(anchor);
                }
            }
        }
        return region(scope, district, townshipName, township);
    }

    private Region region(List<Division> scope, Division district, String townshipName, Division township) {
        Division deepest = district != null ? district : deepest(scope);
        if (deepest == null) {
            return townshipName == null ? Region.UNKNOWN : new Region(null, null, null, townshipName, null);
        }
        Division province = gazetteer.ancestor(deepest, Division.PROVINCE);
        Division city = gazetteer.ancestor(deepest, Division.CITY);
        if (city != null && rules.placeholderCities().contains(city.name())) {
            city = null;
        }
        String code;
        if (townshipName != null) {
            // The township's own code only where it sits in the district as named; a moved township under its
            // new district gets that district's code; an unresolved name gets none.
            if (township == null) {
                code = null;
            } else if (district == null || district.key().equals(township.parent())) {
                code = township.code();
            } else {
                code = district.code();
            }
        } else {
            code = deepest.code();
        }
        return new Region(province == null ? null : province.name(), city == null ? null : city.name(),
                district == null ? null : district.name(), townshipName, code);
    }

    /** A region whose district is known only by a name several districts bear: no code, the shared ancestors only. */
    private Region ambiguousRegion(List<Division> scope, String districtName, String townshipName) {
        Division context = deepest(scope);
        Division province = context == null ? null : gazetteer.ancestor(context, Division.PROVINCE);
        Division city = context == null ? null : gazetteer.ancestor(context, Division.CITY);
        if (city != null && rules.placeholderCities().contains(city.name())) {
            city = null;
        }
        return new Region(province == null ? null : province.name(), city == null ? null : city.name(), districtName, townshipName, null);
    }

    private Division siteDivision(String siteIdCode) {
        if (siteIdCode == null) {
            return null;
        }
        String code = siteIdCode.strip();
        if (code.length() < rules.siteIdCodePrefix() || !code.substring(0, rules.siteIdCodePrefix()).chars().allMatch(Character::isDigit)) {
            return null;
        }
        // Department and national sites do not start with a division code; only a known district counts.
        return gazetteer.get(code.substring(0, rules.siteIdCodePrefix()));
    }

    private Division configuredDivision(String region) {
        if (region == null || region.isBlank()) {
            return null;
        }
        String code = region.strip();
        Division byCode = gazetteer.get(code);
        if (byCode != null) {
            return byCode;
        }
        List<Division> byName = gazetteer.named(normalizer.searchForm(code));
        return byName.size() == 1 ? byName.get(0) : null;
    }

    /** Candidates that fit the named scope; if several remain, those that also fit the anchors. */
    private List<Division> narrow(List<Division> candidates, List<Division> scope, List<Division> anchors) {
        List<Division> fitting = candidates.stream().filter(d -> fitsAll(d, scope)).toList();
        if (fitting.size() > 1 && !anchors.isEmpty()) {
            List<Division> anchored = fitting.stream().filter(d -> anchors.stream().anyMatch(a -> related(d, a))).toList();
            if (!anchored.isEmpty()) {
                return anchored;
            }
        }
        return fitting;
    }

    private boolean fitsAll(Division division, List<Division> scope) {
        return scope.stream().allMatch(s -> related(division, s));
    }

    /** One division lies within the other (or they are the same). */
    private boolean related(Division a, Division b) {
        return within(a, b) || within(b, a);
    }

    private boolean within(Division inner, Division outer) {
        if (inner.depth() < outer.depth()) {
            return false;
        }
        if (inner.depth() == Division.TOWNSHIP && outer.depth() == Division.DISTRICT) {
            return gazetteer.belongsTo(inner, outer);
        }
        Division ancestor = gazetteer.ancestor(inner, outer.depth());
        return ancestor != null && ancestor.key().equals(outer.key());
    }

    private Division commonAncestor(List<Division> divisions) {
        for (int depth = Division.DISTRICT; depth >= Division.PROVINCE; depth--) {
            Set<String> keys = new LinkedHashSet<>();
            for (Division d : divisions) {
                Division a = gazetteer.ancestor(d, depth);
                keys.add(a == null ? "" : a.key());
            }
            if (keys.size() == 1 && !keys.contains("")) {
                return gazetteer.get(keys.iterator().next());
            }
        }
        return null;
    }

    private static Division deepest(List<Division> scope) {
        Division best = null;
        for (Division d : scope) {
            if (d != null && (best == null || d.depth() > best.depth())) {
                best = d;
            }
        }
        return best;
    }

    /** The unique child of {@code parent} whose pinyin initials equal a slug of the URL (/jz/tjz/ → 统景镇). */
    private Division bySlug(Division parent, String url) {
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            return null;
        }
        List<String> slugs = new ArrayList<>();
        try {
            URI uri = URI.create(url.strip());
            if (uri.getHost() != null) {
                for (String label : uri.getHost().toLowerCase(Locale.ROOT).split("\\.")) {
                    slugs.add(label);
                }
            }
            if (uri.getPath() != null) {
                for (String segment : uri.getPath().toLowerCase(Locale.ROOT).split("/")) {
                    slugs.add(segment);
                }
            }
        } catch (IllegalArgumentException e) {
            return null; // an unparsable URL is no evidence
        }
        Map<Division, String> initials = childInitials.get(parent.key());
        if (initials == null) {
            initials = initialsOfChildren(parent);
            childInitials.putIfAbsent(parent.key(), initials);
        }
        Division found = null;
        for (String slug : slugs) {
            if (slug.length() < rules.slugMinChars() || slug.length() > rules.slugMaxChars() || !slug.matches("[a-z]+")) {
                continue;
            }
            List<Division> matches = initials.entrySet().stream().filter(e -> e.getValue().equals(slug)).map(Map.Entry::getKey).toList();
            if (matches.size() == 1) {
                if (found != null && !found.equals(matches.get(0))) {
                    return null; // two slugs point to two places: no evidence
                }
                found = matches.get(0);
            }
        }
        return found;
    }

    /** Synchronized: an ICU Transliterator must not be used by two threads at once; results are cached. */
    private synchronized Map<Division, String> initialsOfChildren(Division parent) {
        Transliterator latin = toLatin;
        if (latin == null) {
            latin = Transliterator.getInstance("Han-Latin; Latin-ASCII");
            toLatin = latin;
        }
        Map<Division, String> result = new ConcurrentHashMap<>();
        for (Division child : gazetteer.children(parent)) {
            StringBuilder initials = new StringBuilder();
            for (String syllable : latin.transliterate(child.name()).toLowerCase(Locale.ROOT).split("[^a-z]+")) {
                if (!syllable.isEmpty()) {
                    initials.append(syllable.charAt(0));
                }
            }
            result.put(child, initials.toString());
        }
        return result;
    }
}
