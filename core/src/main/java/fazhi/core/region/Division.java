package fazhi.core.region;

/**
 * One administrative division of the gazetteer.
 *
 * @param key    the official code, or {@code ~name} for a division created after the gazetteer's source date
 *               whose code we do not know (两江新区): it identifies the division but is never shown as a code
 * @param name   the official name (simplified script)
 * @param depth  1 province, 2 city, 3 district/county, 4 township
 * @param parent key of the enclosing division as of the source date; null for provinces
 */
public record Division(String key, String name, int depth, String parent) {
    public static final int PROVINCE = 1;
    public static final int CITY = 2;
    public static final int DISTRICT = 3;
    public static final int TOWNSHIP = 4;

    /** The official division code, or null when it is not known. */
    public String code() {
        return key.startsWith("~") ? null : key;
    }
}
