package fazhi.core.region;

/**
 * What a page says about where it comes from, in order of trust (domain.md §2): names in the title and issuer,
 * the ContentSource/发布机构, the SiteIDCode, the sites file's region, the URL. Any part may be null.
 */
public record RegionEvidence(String titleAndIssuer, String source, String siteIdCode, String configuredRegion, String url) {
}
