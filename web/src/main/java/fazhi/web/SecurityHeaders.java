package fazhi.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Headers every response carries, pages, API, static files and Jetty's own error responses alike. Scripts come only
 * from this origin (no inline script, no eval), so crawled text that slipped through escaping still could not run.
 */
public final class SecurityHeaders {
    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public static final Map<String, String> HEADERS;

    static {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Security-Policy", CSP);
        h.put("X-Content-Type-Options", "nosniff");
        h.put("X-Frame-Options", "DENY");
        h.put("Referrer-Policy", "strict-origin-when-cross-origin");
        HEADERS = Map.copyOf(h);
    }

    private SecurityHeaders() {
    }

    public static void apply(BiConsumer<String, String> setter) {
        HEADERS.forEach(setter);
    }
}
