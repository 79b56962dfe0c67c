package dev.counterpoint.imports;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * One line of a Counterpoint JSONL file (docs/jsonl-format.md): an item, or a {@code "kind": "document"} line
 * with a document's metadata. Exports write the same shape, so an export can be imported again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JsonlRecord(
        String id,
        String document,
        String kind,
        Integer position,
        Boolean heading,
        String text,
        String author,
        @JsonProperty("posted_at") OffsetDateTime postedAt,
        String parent,
        Map<String, String> labels,
        String annotator,
        Map<String, Provenance> provenance,
        String title,
        String url,
        String byline,
        LocalDate published,
        String attribution,
        String codebook,
        List<HistoryEntry> history) {

    public static final String DOCUMENT = "document";

    /** Where a label came from; exports write it, imports use it to keep people's labels and skip the model's. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Provenance(
            String source,
            String annotator,
            String model,
            Double confidence,
            @JsonProperty("labelled_at") String labelledAt,
            Boolean disputed,
            @JsonProperty("codebook_version") Integer codebookVersion) {

        public Provenance(String source, String annotator, String model, Double confidence, String labelledAt) {
            this(source, annotator, model, confidence, labelledAt, null, null);
        }
    }

    /** One label of an item's whole history, oldest first, in exports that ask for it; imports ignore it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HistoryEntry(
            String key,
            String value,
            String source,
            String annotator,
            String model,
            Double confidence,
            @JsonProperty("labelled_at") String labelledAt,
            @JsonProperty("codebook_version") Integer codebookVersion) {}

    /** A record without label history, as most writers make them. */
    public JsonlRecord(
            String id,
            String document,
            String kind,
            Integer position,
            Boolean heading,
            String text,
            String author,
            OffsetDateTime postedAt,
            String parent,
            Map<String, String> labels,
            String annotator,
            Map<String, Provenance> provenance,
            String title,
            String url,
            String byline,
            LocalDate published,
            String attribution,
            String codebook) {
        this(
                id,
                document,
                kind,
                position,
                heading,
                text,
                author,
                postedAt,
                parent,
                labels,
                annotator,
                provenance,
                title,
                url,
                byline,
                published,
                attribution,
                codebook,
                null);
    }

    /** An item line, as the other layouts (CSV, Label Studio, JSON, text) produce them. */
    static JsonlRecord item(
            String id,
            String document,
            String kind,
            boolean heading,
            String text,
            String author,
            OffsetDateTime postedAt,
            String parent,
            Map<String, String> labels,
            String annotator) {
        return new JsonlRecord(
                id,
                document,
                kind,
                null,
                heading ? Boolean.TRUE : null,
                text,
                author,
                postedAt,
                parent,
                labels == null || labels.isEmpty() ? null : labels,
                annotator,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    static JsonlRecord documentLine(
            String id,
            String title,
            String url,
            String byline,
            LocalDate published,
            String attribution,
            String codebook) {
        return new JsonlRecord(
                id,
                null,
                DOCUMENT,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                title,
                url,
                byline,
                published,
                attribution,
                codebook,
                null);
    }

    JsonlRecord withProvenance(Map<String, Provenance> labelProvenance) {
        return new JsonlRecord(
                id,
                document,
                kind,
                position,
                heading,
                text,
                author,
                postedAt,
                parent,
                labels,
                annotator,
                labelProvenance,
                title,
                url,
                byline,
                published,
                attribution,
                codebook,
                null);
    }

    @JsonIgnore
    public boolean isDocumentLine() {
        return DOCUMENT.equals(kind);
    }
}
