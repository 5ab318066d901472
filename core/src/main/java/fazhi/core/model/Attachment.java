package fazhi.core.model;

/** A file linked from a report page (W0….pdf, .docx); {@code name} is the link text. */
public record Attachment(String url, String name) {
}
