package fazhi.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.regex.Pattern;

/** Names of downloaded files: built from the query and the date, Chinese kept through RFC 5987 {@code filename*}. */
final class Downloads {
    private static final Pattern UNSAFE = Pattern.compile("[\\\\/:*?\"<>|\\p{Cntrl}\\s]+");

    private Downloads() {
    }

    /** e.g. 法治报告_民情茶室_2026-11-22.csv */
    static String filename(String prefix, String q, LocalDate date) {
        String part = UNSAFE.matcher(q == null ? "" : q).replaceAll("_").replaceAll("_+", "_").replaceAll("^_|_$", "");
        if (part.codePointCount(0, part.length()) > 40) {
            part = part.substring(0, part.offsetByCodePoints(0, 40));
        }
        return prefix + (part.isEmpty() ? "" : "_" + part) + "_" + date + ".csv";
    }

    /** Content-Disposition value: an ASCII fallback name and the UTF-8 name. */
    static String attachment(String filename) {
        // Old clients that ignore filename* still get a readable name: fazhi_2026-11-22.csv
        String ascii = "fazhi_" + filename.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("_+", "_").replaceAll("^[_.]+", "");
        String encoded = URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
