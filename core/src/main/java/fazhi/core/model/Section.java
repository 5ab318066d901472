package fazhi.core.model;

import java.util.Objects;

/** One top-level part of a report; {@code heading} is null for the preamble. Texts of all sections make the body. */
public record Section(String heading, SectionKind kind, String text) {
    public Section {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }
}
