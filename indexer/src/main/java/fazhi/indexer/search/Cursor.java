package fazhi.indexer.search;

import fazhi.core.BadInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.util.BytesRef;

/**
 * Opaque deep-paging cursor: the sort values of the last hit of a page, for {@code searchAfter}. The last sort key
 * is always the report id, so a cursor stays meaningful across index refreshes (document numbers do not).
 * The sort order is part of the cursor; a cursor of another order is rejected as bad input.
 */
final class Cursor {
    private Cursor() {
    }

    static String encode(SortOrder sort, FieldDoc last) {
        StringBuilder s = new StringBuilder(sort.code());
        for (Object value : last.fields) {
            s.append('|');
            switch (value) {
                case null -> s.append('n');
                case Float f -> s.append('f').append(Integer.toHexString(Float.floatToIntBits(f)));
                case Long l -> s.append('l').append(l);
                case Integer i -> s.append('i').append(i);
                case BytesRef b -> s.append('b').append(Base64.getUrlEncoder().withoutPadding().encodeToString(BytesRef.deepCopyOf(b).bytes));
                default -> throw new IllegalStateException("unexpected sort value " + value.getClass());
            }
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.toString().getBytes(StandardCharsets.UTF_8));
    }

    static FieldDoc decode(SortOrder sort, String cursor) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = s.split("\\|", -1);
            if (!parts[0].equals(sort.code())) {
                throw bad();
            }
            List<Object> values = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i];
                if (p.isEmpty()) {
                    throw bad();
                }
                String body = p.substring(1);
                values.add(switch (p.charAt(0)) {
                    case 'n' -> null;
                    case 'f' -> Float.intBitsToFloat(Integer.parseUnsignedInt(body, 16));
                    case 'l' -> Long.parseLong(body);
                    case 'i' -> Integer.parseInt(body);
                    case 'b' -> new BytesRef(Base64.getUrlDecoder().decode(body));
                    default -> throw bad();
                });
            }
            return new FieldDoc(-1, Float.NaN, values.toArray());
        } catch (IllegalArgumentException e) {
            throw bad();
        }
    }

    private static BadInputException bad() {
        return new BadInputException("bad-cursor", "翻页参数 cursor 无效或已过期：请从第一页重新检索。");
    }
}
