package fazhi.core.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The lower-case codes by which enums travel in JSON, URLs and the CLI, and their parsing with a message naming the accepted values. */
public final class EnumCodes {
    private EnumCodes() {
    }

    public static String code(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming {@code what} and every accepted code */
    public static <E extends Enum<E>> E fromCode(Class<E> type, String code, String what) {
        for (E value : type.getEnumConstants()) {
            if (code(value).equals(code)) {
                return value;
            }
        }
        String accepted = Arrays.stream(type.getEnumConstants()).map(EnumCodes::code).collect(Collectors.joining(", "));
        throw new IllegalArgumentException("unknown " + what + " '" + code + "' (expected one of " + accepted + ")");
    }
}
