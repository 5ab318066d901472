package fazhi.crawler.extract;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the bytes of a fetched page into text (issue 3 §4): the HTTP header's charset, then a BOM, then a
 * {@code <meta charset>} / {@code http-equiv} declaration in the first bytes, then detection. A declaration is only
 * believed when the bytes decode without error under it, because government sites sometimes declare wrongly;
 * GB2312/GBK labels decode as GB18030, their superset (Java's GB2312 loses 镕/喆/堃 to U+FFFD).
 */
public final class PageDecoding {
    static final Charset GB18030 = Charset.forName("GB18030");
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_\\-:.]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9_\\-:.]+)", Pattern.CASE_INSENSITIVE);

    private PageDecoding() {
    }

    /** The decoded text and the charset that decoded it (and where that choice came from, for the log). */
    public record Decoded(String text, Charset charset, String source) {
    }

    public static Decoded decode(byte[] bytes, String contentTypeHeader) {
        Optional<Charset> header = charsetLabel(contentTypeHeader, HEADER_CHARSET);
        if (header.isPresent()) {
            Optional<String> strict = strict(bytes, header.get());
            if (strict.isPresent()) {
                return new Decoded(stripBom(strict.get()), header.get(), "http-header");
            }
        }
        Decoded bom = bom(bytes);
        if (bom != null) {
            return bom;
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        Optional<Charset> meta = charsetLabel(head, META_CHARSET);
        if (meta.isPresent()) {
            Optional<String> strict = strict(bytes, meta.get());
            if (strict.isPresent()) {
                return new Decoded(strict.get(), meta.get(), "meta");
            }
        }
        Optional<String> utf8 = strict(bytes, StandardCharsets.UTF_8);
        if (utf8.isPresent()) {
            return new Decoded(utf8.get(), StandardCharsets.UTF_8, "valid-utf8");
        }
        Charset detected = detect(bytes);
        Optional<String> strict = strict(bytes, detected);
        if (strict.isPresent()) {
            return new Decoded(strict.get(), detected, "detected");
        }
        // Broken bytes under every candidate: GB18030 maps almost every byte sequence, so it loses the least.
        Charset fallback = header.or(() -> meta).orElse(GB18030);
        return new Decoded(new String(bytes, fallback), fallback, "lenient");
    }

    /** A charset label as Java should decode it: GB2312/GBK/x-gbk and friends become GB18030. */
    public static Optional<Charset> charsetNamed(String label) {
        if (label == null || label.isBlank()) {
            return Optional.empty();
        }
        String name = label.strip().toLowerCase(Locale.ROOT);
        if (name.matches("gb[_-]?2312.*|gbk|x-gbk|cp936|windows-936|gb18030|euc-cn|csgb2312|hz-gb-2312")) {
            return Optional.of(GB18030);
        }
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty(); // an unknown label is no declaration; the next rule decides
        }
    }

    private static Optional<Charset> charsetLabel(String text, Pattern pattern) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = pattern.matcher(text);
        return m.find() ? charsetNamed(m.group(1)) : Optional.empty();
    }

    private static Decoded bom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return new Decoded(new String(b, 3, b.length - 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8, "bom");
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return new Decoded(new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE, "bom");
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return new Decoded(new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE, "bom");
        }
        return null;
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static Optional<String> strict(byte[] bytes, Charset charset) {
        try {
            return Optional.of(charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty(); // not this charset; the caller tries the next candidate
        }
    }

    /** Undeclared, not UTF-8: Chinese government pages are GB-family unless the detector is sure of Big5. */
    private static Charset detect(byte[] bytes) {
        CharsetDetector detector = new CharsetDetector();
        detector.setText(bytes);
        CharsetMatch best = detector.detect();
        if (best != null && best.getName().equalsIgnoreCase("Big5") && best.getConfidence() >= 60) {
            return Charset.forName("Big5");
        }
        if (strict(bytes, GB18030).isPresent()) {
            return GB18030;
        }
        for (CharsetMatch match : detector.detectAll()) {
            Optional<Charset> charset = charsetNamed(match.getName());
            if (charset.isPresent() && strict(bytes, charset.get()).isPresent()) {
                return charset.get();
            }
        }
        return GB18030;
    }
}
