package fazhi.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fazhi.core.model.Report;
import java.io.UncheckedIOException;

/** The one JSON configuration for report records: ISO dates, nulls written out (unknown is visible), unknown fields tolerated. */
public final class ReportJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .build();

    private ReportJson() {
    }

    /** The shared, immutable-after-construction mapper (ObjectMapper is thread-safe once configured). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** One record as a single JSON line (no newline characters inside). */
    public static String toLine(Report report) {
        try {
            return MAPPER.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot serialise report " + report.id(), e);
        }
    }

    public static Report fromLine(String line) throws JsonProcessingException {
        return MAPPER.readValue(line, Report.class);
    }

    public static String toPrettyJson(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
