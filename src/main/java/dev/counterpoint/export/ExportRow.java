package dev.counterpoint.export;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One item and one of its labels (or none) with the label's provenance, as the export query streams them: ordered
 * by document, then item, so writers that want one record per item group consecutive rows.
 */
record ExportRow(
        long documentId,
        String documentKey,
        String title,
        String url,
        String byline,
        LocalDate published,
        String attribution,
        String codebook,
        long itemId,
        String itemKey,
        String kind,
        int position,
        boolean heading,
        String parent,
        String author,
        OffsetDateTime postedAt,
        String text,
        Label label) {

    /** A label and where it came from; {@code codebookVersion} is the version it was given under. */
    record Label(
            String dimension,
            String target,
            String value,
            String source,
            String annotator,
            String modelVersion,
            Double confidence,
            Double score,
            boolean disputed,
            Integer codebookVersion,
            OffsetDateTime labelledAt,
            boolean current) {

        /** The key files use: the target's slug for stance, else the dimension (sentiment, incivility). */
        String key() {
            return target != null ? target : dimension;
        }
    }
}
