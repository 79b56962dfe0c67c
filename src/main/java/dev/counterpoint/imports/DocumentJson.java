package dev.counterpoint.imports;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads JSON documents (docs/import-formats.md): one object, or an array of them, each with {@code id},
 * {@code title}, optional metadata, {@code paragraphs} (strings or {text, heading, id, labels}) and
 * {@code comments} ({id, author, posted_at, parent, text, labels}). Problems carry the line they start on.
 */
final class DocumentJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> DOCUMENT_FIELDS =
            Set.of("id", "title", "url", "byline", "published", "attribution", "codebook", "paragraphs", "comments");
    private static final Set<String> ITEM_FIELDS =
            Set.of("id", "text", "heading", "author", "posted_at", "parent", "labels", "annotator");

    private DocumentJson() {}

    static List<JsonlReader.Line> read(String source, ImportOptions options, ImportProblems problems) {
        List<JsonlReader.Line> lines = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(source)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                int element = 0;
                for (JsonToken token = parser.nextToken();
                        token != null && token != JsonToken.END_ARRAY;
                        token = parser.nextToken()) {
                    element++;
                    int line = parser.currentTokenLocation().getLineNr();
                    if (token != JsonToken.START_OBJECT) {
                        problems.add(line, "element " + element + " of the array is not a document object.");
                        parser.skipChildren();
                        continue;
                    }
                    document(parser.readValueAsTree(), line, options, lines, problems);
                }
            } else if (first == JsonToken.START_OBJECT) {
                document(parser.readValueAsTree(), 1, options, lines, problems);
            } else {
                problems.add("The file is not a JSON document: it must be an object or an array of objects.");
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            problems.add(at == null ? 1 : at.getLineNr(), "not valid JSON (" + e.getOriginalMessage() + ").");
        } catch (IOException e) {
            problems.add("The file cannot be read (" + e.getMessage() + ").");
        }
        if (lines.isEmpty() && problems.count() == 0) {
            problems.add("The file holds no documents.");
        }
        return lines;
    }

    private static void document(
            JsonNode node, int line, ImportOptions options, List<JsonlReader.Line> lines, ImportProblems problems) {
        unknownFields(node, DOCUMENT_FIELDS, line, "document", problems);
        String key = text(node, "id");
        if (key == null) {
            key = options.documentKey() == null ? "json:" + ContentHash.of(node.toString()) : options.documentKey();
        }
        LocalDate published = null;
        try {
            published = node.hasNonNull("published")
                    ? LocalDate.parse(node.get("published").asText())
                    : null;
        } catch (DateTimeParseException e) {
            problems.add(line, "'published' must be a date like 2025-12-03.");
        }
        String title = text(node, "title") == null ? options.title() : text(node, "title");
        lines.add(new JsonlReader.Line(
                line,
                JsonlRecord.documentLine(
                        key,
                        title,
                        text(node, "url"),
                        text(node, "byline"),
                        published,
                        text(node, "attribution"),
                        text(node, "codebook") == null ? options.codebook() : text(node, "codebook"))));
        int position = 0;
        for (JsonNode paragraph : node.path("paragraphs")) {
            position++;
            if (paragraph.isTextual()) {
                add(
                        lines,
                        problems,
                        line,
                        JsonlRecord.item(
                                "p" + position,
                                key,
                                "paragraph",
                                false,
                                paragraph.asText(),
                                null,
                                null,
                                null,
                                null,
                                null));
            } else {
                unknownFields(paragraph, ITEM_FIELDS, line, "paragraph " + position, problems);
                String id = text(paragraph, "id");
                add(
                        lines,
                        problems,
                        line,
                        JsonlRecord.item(
                                id == null ? "p" + position : id,
                                key,
                                "paragraph",
                                paragraph.path("heading").asBoolean(false),
                                text(paragraph, "text"),
                                null,
                                null,
                                null,
                                labels(paragraph),
                                annotator(paragraph, options)));
            }
        }
        position = 0;
        for (JsonNode comment : node.path("comments")) {
            position++;
            unknownFields(comment, ITEM_FIELDS, line, "comment " + position, problems);
            try {
                add(
                        lines,
                        problems,
                        line,
                        JsonlRecord.item(
                                text(comment, "id") == null && !labels(comment).isEmpty()
                                        ? "c" + position
                                        : text(comment, "id"),
                                key,
                                "comment",
                                false,
                                text(comment, "text"),
                                text(comment, "author"),
                                CsvItems.timestamp(text(comment, "posted_at")),
                                text(comment, "parent"),
                                labels(comment),
                                annotator(comment, options)));
            } catch (DateTimeParseException e) {
                problems.add(
                        line,
                        "comment " + position + " of '" + key + "': 'posted_at' must be a date and "
                                + "time like 2025-12-03T10:15:00Z.");
            }
        }
    }

    private static void add(List<JsonlReader.Line> lines, ImportProblems problems, int line, JsonlRecord record) {
        JsonlReader.check(record, line, problems);
        lines.add(new JsonlReader.Line(line, record));
    }

    private static void unknownFields(
            JsonNode node, Set<String> known, int line, String what, ImportProblems problems) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(
                        line,
                        what + " has an unknown field '" + name + "' (known: "
                                + String.join(", ", known.stream().sorted().toList()) + ").");
            }
        }
    }

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new LinkedHashMap<>();
        node.path("labels")
                .fields()
                .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    private static String annotator(JsonNode node, ImportOptions options) {
        String own = text(node, "annotator");
        return own == null ? options.annotatorOrDefault() : own;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
