package dev.counterpoint.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.counterpoint.corpus.CorpusImporter;
import dev.counterpoint.corpus.InvalidImportException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads a JSONL file into records, refusing it whole at the first bad line with that line's number. */
public final class JsonlReader {

    public record Line(int number, JsonlRecord record) {}

    static final Set<String> ITEM_KINDS = Set.of("article", "paragraph", "comment");

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private JsonlReader() {}

    /** A reader that refuses bytes that are not UTF-8 instead of silently replacing them. */
    public static Reader strictUtf8(InputStream in) {
        return new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    public static List<Line> read(Reader source) {
        try (BufferedReader reader = new BufferedReader(source)) {
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[8192];
            for (int n; (n = reader.read(buffer)) >= 0; ) {
                text.append(buffer, 0, n);
            }
            ImportProblems problems = new ImportProblems();
            List<Line> lines = read(text.toString(), problems);
            problems.throwIfAny();
            return lines;
        } catch (CharacterCodingException e) {
            throw new InvalidImportException("The file is not valid UTF-8 (" + e.getMessage()
                    + "). Save it as UTF-8 and import it again; nothing was imported.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads every line, adding each bad one to {@code problems} and going on, so all of them are reported. */
    static List<Line> read(String source, ImportProblems problems) {
        List<Line> lines = new ArrayList<>();
        int number = 0;
        for (String text : (Iterable<String>) source.lines()::iterator) {
            number++;
            if (number == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (text.isBlank()) {
                continue;
            }
            try {
                lines.add(new Line(number, parse(text, number)));
            } catch (InvalidImportException e) {
                problems.add(e.getMessage());
            }
        }
        if (lines.isEmpty() && problems.count() == 0) {
            problems.add("The file has no records: it is empty or blank.");
        }
        return lines;
    }

    /** Checks a record that another layout (CSV, Label Studio, JSON, text) was turned into, as a JSONL line would be. */
    static void check(JsonlRecord record, int number, ImportProblems problems) {
        try {
            validate(record, number);
        } catch (InvalidImportException e) {
            problems.add(e.getMessage());
        }
    }

    private static JsonlRecord parse(String text, int number) {
        JsonlRecord record;
        try {
            record = JSON.readValue(text, JsonlRecord.class);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidImportException("Line " + number + ": unknown field '" + e.getPropertyName()
                    + "'. See docs/jsonl-format.md for the fields.");
        } catch (JsonProcessingException e) {
            throw new InvalidImportException(
                    "Line " + number + " is not a JSON object (" + e.getOriginalMessage() + ").");
        }
        if (record == null) {
            throw new InvalidImportException("Line " + number + " is not a JSON object.");
        }
        return validate(record, number);
    }

    private static JsonlRecord validate(JsonlRecord record, int number) {
        String kind = record.kind();
        if (kind == null || !(ITEM_KINDS.contains(kind) || record.isDocumentLine())) {
            throw new InvalidImportException("Line " + number + ": 'kind' must be article, paragraph, comment or "
                    + "document (got " + (kind == null ? "nothing" : "'" + kind + "'") + ").");
        }
        if (record.isDocumentLine()) {
            require(record.id(), number, "a document line needs an 'id'");
        } else {
            require(record.document(), number, "an item needs a 'document'");
            if (record.text() == null) {
                throw new InvalidImportException("Line " + number + ": an item needs a 'text' (it may be empty).");
            }
            if (record.text().length() > CorpusImporter.MAX_TEXT_CHARS) {
                throw new InvalidImportException(
                        "Line " + number + ": the text is " + record.text().length()
                                + " characters long; the limit for one item is " + CorpusImporter.MAX_TEXT_CHARS
                                + " characters. Split it or check that the file is the right one.");
            }
        }
        return record;
    }

    private static void require(String value, int number, String message) {
        if (value == null || value.isBlank()) {
            throw new InvalidImportException("Line " + number + ": " + message + ".");
        }
    }
}
