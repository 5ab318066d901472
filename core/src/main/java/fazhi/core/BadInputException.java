package fazhi.core;

/**
 * Input a user can fix (a malformed query, a missing file, an unknown facet value): shown as one line, never a stack
 * trace. The CLI maps it to exit code 2, the web to a 4xx JSON or HTML error. {@code code} is a stable symbolic name
 * for tests and clients; {@code httpStatus} says which 4xx fits.
 */
public class BadInputException extends RuntimeException {
    private final String code;
    private final int httpStatus;

    public BadInputException(String code, String message) {
        this(code, message, 400);
    }

    public BadInputException(String code, String message, int httpStatus) {
        super(message);
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
