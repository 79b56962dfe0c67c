package dev.counterpoint.imports;

/**
 * How to read and store one file. {@code annotator} names the person whose labels the file holds when the file
 * does not say; {@code documentKey} and {@code title} name the document for layouts that carry none (CSV without a
 * document column, Label Studio tasks, plain text). A dry run checks and counts everything, then stores nothing.
 */
public record ImportOptions(
        ImportFormat format,
        String annotator,
        String documentKey,
        String title,
        String codebook,
        boolean dryRun,
        boolean classify,
        String requestedBy,
        long maxBytes) {

    /** The largest file one import reads: it is checked whole before anything is stored. */
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    public static ImportOptions of(ImportFormat format, String annotator) {
        return new ImportOptions(format, annotator, null, null, null, false, true, annotator, MAX_FILE_BYTES);
    }

    public ImportOptions dryRun(boolean dry) {
        return new ImportOptions(format, annotator, documentKey, title, codebook, dry, classify, requestedBy, maxBytes);
    }

    public ImportOptions document(String key, String documentTitle) {
        return new ImportOptions(
                format, annotator, key, documentTitle, codebook, dryRun, classify, requestedBy, maxBytes);
    }

    public ImportOptions withoutClassification() {
        return new ImportOptions(format, annotator, documentKey, title, codebook, dryRun, false, requestedBy, maxBytes);
    }

    public ImportOptions maxBytes(long limit) {
        return new ImportOptions(format, annotator, documentKey, title, codebook, dryRun, classify, requestedBy, limit);
    }

    String annotatorOrDefault() {
        return annotator == null || annotator.isBlank() ? "import" : annotator.strip();
    }
}
