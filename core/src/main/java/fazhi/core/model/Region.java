package fazhi.core.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Where a report comes from, as named in the report (its time). Unknown parts are null, never guessed.
 * {@code city} is null for municipalities such as 重庆市, whose districts sit directly below the province.
 * {@code code} is the most specific division code known (9 digits for a township, 6 for a district).
 */
public record Region(String province, String city, String district, String township, String code) {
    public static final Region UNKNOWN = new Region(null, null, null, null, null);

    @JsonIgnore
    public boolean isUnknown() {
        return province == null && city == null && district == null && township == null && code == null;
    }
}
