package fazhi.core.model;

/** The portal a report was published on: its SiteName and 10-character SiteIDCode, either may be null. */
public record Site(String name, String idCode) {
    public static final Site UNKNOWN = new Site(null, null);
}
