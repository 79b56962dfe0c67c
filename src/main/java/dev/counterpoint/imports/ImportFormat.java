package dev.counterpoint.imports;

import dev.counterpoint.corpus.InvalidImportException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The file layouts an import reads (docs/import-formats.md describes each). */
public enum ImportFormat {
    JSON("json"),
    JSONL("jsonl"),
    CSV("csv"),
    LABEL_STUDIO("label-studio"),
    TEXT("text");

    private final String code;

    ImportFormat(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static ImportFormat fromCode(String code) {
        String wanted = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(f -> f.code.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new InvalidImportException("'" + code + "' is not an import format; use one of "
                        + Arrays.stream(values()).map(ImportFormat::code).collect(Collectors.joining(", ")) + "."));
    }

    /** The format a file name suggests, for the command line when no --format is given. */
    public static ImportFormat fromFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
            return JSONL;
        }
        if (lower.endsWith(".csv")) {
            return CSV;
        }
        if (lower.endsWith(".txt")) {
            return TEXT;
        }
        if (lower.endsWith(".json")) {
            return JSON;
        }
        throw new InvalidImportException(
                "Cannot tell the format of '" + name + "' from its name; say it with --format.");
    }
}
