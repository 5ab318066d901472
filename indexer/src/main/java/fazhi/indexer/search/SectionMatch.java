package fazhi.indexer.search;

import fazhi.core.model.SectionKind;

/**
 * A section of a hit that matched the query.
 *
 * @param ordinal     position of the section in the report record (0-based)
 * @param snippet     a passage as HTML: the crawled text escaped, query matches wrapped in {@code <mark>…</mark>},
 *                    nothing else; safe to insert into a page as is
 * @param snippetText the same passage as plain text (CSV, terminals)
 */
public record SectionMatch(SectionKind kind, String heading, int ordinal, String snippet, String snippetText) {
}
