package fazhi.crawler.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;

/**
 * Text of a report attachment (.pdf .doc .docx .wps) or a local document, with Apache Tika. PDF text comes in
 * visual lines; lines broken inside a sentence are joined back so that the body keeps one paragraph per line.
 */
public final class AttachmentText {
    private static final int MAX_CHARS = 2_000_000;
    private final AutoDetectParser parser = new AutoDetectParser();

    /** The document's text, one paragraph per line; throws {@link IOException} when Tika cannot read it. */
    public String extract(byte[] bytes, String fileName) throws IOException {
        BodyContentHandler handler = new BodyContentHandler(MAX_CHARS);
        Metadata metadata = new Metadata();
        if (fileName != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            parser.parse(in, handler, metadata, new ParseContext());
        } catch (SAXException e) {
            // The handler's write limit: keep what was read (a 2-million-character report is already complete enough).
            if (!e.getMessage().contains("limit")) {
                throw new IOException("unreadable document " + fileName + ": " + e.getMessage(), e);
            }
        } catch (TikaException e) {
            throw new IOException("unreadable document " + fileName + ": " + e.getMessage(), e);
        }
        String type = metadata.get(Metadata.CONTENT_TYPE);
        return type != null && type.contains("pdf") ? paragraphs(handler.toString()) : lines(handler.toString());
    }

    /** Word processors keep real paragraphs: one per line, blank ones dropped. */
    static String lines(String text) {
        StringBuilder out = new StringBuilder();
        for (String raw : text.split("\\R")) {
            String line = raw.replace('\u00A0', ' ').strip();
            if (!line.isEmpty()) {
                out.append(out.isEmpty() ? "" : "\n").append(line);
            }
        }
        return out.toString();
    }

    /**
     * Joins lines that a PDF broke inside a paragraph: a line as long as a full text line of the page (wrapped by
     * the layout) continues on the next one, unless it ends a sentence or the next one starts a heading.
     */
    static String paragraphs(String text) {
        java.util.List<String> all = text.lines().map(l -> l.replace('\u00A0', ' ').strip()).filter(l -> !l.isEmpty()).toList();
        int[] lengths = all.stream().mapToInt(String::length).sorted().toArray();
        int fullLine = lengths.length == 0 ? 0 : lengths[(int) Math.floor(lengths.length * 0.9) == lengths.length ? lengths.length - 1 : (int) Math.floor(lengths.length * 0.9)];
        StringBuilder out = new StringBuilder();
        String previous = null;
        for (String raw : text.split("\\R")) {
            String line = raw.replace('\u00A0', ' ').strip();
            if (line.isEmpty()) {
                continue;
            }
            boolean continues = previous != null && previous.length() >= Math.max(10, fullLine * 0.8)
                    && !previous.matches(".*[。！？；：:」”）)]$")
                    && !line.matches("^(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\\d]+[）)]|\\d+[、．.]|第[一二三四五六七八九十]|附件).*");
            if (continues) {
                out.append(line);
            } else {
                if (!out.isEmpty()) {
                    out.append('\n');
                }
                out.append(line);
            }
            previous = line;
        }
        return out.toString();
    }
}
