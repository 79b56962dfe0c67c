package dev.counterpoint.imports;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads Label Studio task JSON for text classification (an array of tasks, or one): the text is {@code data.text}
 * or else the only string field in {@code data}; each {@code choices} result of the newest annotation that was not
 * cancelled is a person's label, its control named by a target slug, {@code sentiment} or {@code incivility}
 * (anything from the first underscore on is ignored, so {@code sentiment_class} is sentiment; target slugs never
 * hold one). Predictions are the other tool's model output and are not imported: models label by classifying.
 */
final class LabelStudioTasks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LabelStudioTasks() {}

    static List<JsonlReader.Line> read(String source, ImportOptions options, ImportProblems problems) {
        List<JsonlReader.Line> lines = new ArrayList<>();
        String key = options.documentKey() == null || options.documentKey().isBlank()
                ? "label-studio:" + ContentHash.of(source)
                : options.documentKey().strip();
        lines.add(new JsonlReader.Line(
                1,
                JsonlRecord.documentLine(
                        key,
                        options.title() == null ? "Label Studio tasks" : options.title(),
                        null,
                        null,
                        null,
                        null,
                        options.codebook())));
        try (JsonParser parser = JSON.createParser(source)) {
            JsonToken first = parser.nextToken();
            int number = 0;
            if (first == JsonToken.START_ARRAY) {
                int element = 0;
                for (JsonToken token = parser.nextToken();
                        token != null && token != JsonToken.END_ARRAY;
                        token = parser.nextToken()) {
                    element++;
                    int line = parser.currentTokenLocation().getLineNr();
                    if (token != JsonToken.START_OBJECT) {
                        problems.add(line, "element " + element + " of the array is not a task object.");
                        parser.skipChildren();
                        continue;
                    }
                    task(parser.readValueAsTree(), ++number, line, key, options, lines, problems);
                }
            } else if (first == JsonToken.START_OBJECT) {
                task(parser.readValueAsTree(), 1, 1, key, options, lines, problems);
            } else {
                problems.add("The file is not Label Studio task JSON: it must be an array of tasks or one task.");
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            problems.add(at == null ? 1 : at.getLineNr(), "not valid JSON (" + e.getOriginalMessage() + ").");
        } catch (IOException e) {
            problems.add("The file cannot be read (" + e.getMessage() + ").");
        }
        if (lines.size() == 1 && problems.count() == 0) {
            problems.add("The file holds no tasks.");
        }
        return lines;
    }

    private static void task(
            JsonNode task,
            int number,
            int line,
            String key,
            ImportOptions options,
            List<JsonlReader.Line> lines,
            ImportProblems problems) {
        JsonNode data = task.has("data") ? task.get("data") : task;
        String where = "task " + number;
        String text = textOf(data);
        if (text == null) {
            problems.add(line, where + " has no 'data.text' and no single text field in 'data' to label.");
            return;
        }
        String id = data.hasNonNull("id")
                ? data.get("id").asText()
                : task.hasNonNull("id") ? "ls-" + task.get("id").asText() : null;
        String kind = data.hasNonNull("kind") ? data.get("kind").asText() : "comment";
        Map<String, String> labels = new LinkedHashMap<>();
        String annotator = null;
        JsonNode annotations = task.has("annotations") ? task.get("annotations") : task.path("completions");
        for (JsonNode annotation : annotations) {
            if (annotation.path("was_cancelled").asBoolean(false)) {
                continue;
            }
            Map<String, String> these = choices(annotation.path("result"), line, where, problems);
            if (!these.isEmpty()) {
                labels = these;
                annotator = annotatorOf(annotation.path("completed_by"));
            }
        }
        if (!labels.isEmpty() && id == null) {
            id = "ls-" + number;
        }
        JsonlRecord record = JsonlRecord.item(
                id,
                key,
                kind,
                false,
                text,
                data.hasNonNull("author") ? data.get("author").asText() : null,
                null,
                data.hasNonNull("parent") ? data.get("parent").asText() : null,
                labels,
                options.annotator() != null && !options.annotator().isBlank() || annotator == null
                        ? options.annotatorOrDefault()
                        : annotator);
        JsonlReader.check(record, line, problems);
        lines.add(new JsonlReader.Line(line, record));
    }

    private static Map<String, String> choices(JsonNode results, int line, String where, ImportProblems problems) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (JsonNode result : results) {
            if (!"choices".equals(result.path("type").asText())) {
                continue;
            }
            JsonNode choices = result.path("value").path("choices");
            if (choices.size() != 1) {
                problems.add(
                        line,
                        where + ": the control '" + result.path("from_name").asText() + "' has " + choices.size()
                                + " choices; a label takes exactly one.");
                continue;
            }
            labels.put(
                    controlKey(result.path("from_name").asText()),
                    choices.get(0).asText());
        }
        return labels;
    }

    static String controlKey(String fromName) {
        String name = fromName.strip().toLowerCase(Locale.ROOT);
        int underscore = name.indexOf('_');
        return underscore > 0 ? name.substring(0, underscore) : name;
    }

    private static String annotatorOf(JsonNode completedBy) {
        if (completedBy.isObject() && completedBy.hasNonNull("email")) {
            return completedBy.get("email").asText();
        }
        return null;
    }

    private static String textOf(JsonNode data) {
        if (data.hasNonNull("text") && data.get("text").isTextual()) {
            return data.get("text").asText();
        }
        String only = null;
        for (Iterator<Map.Entry<String, JsonNode>> fields = data.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isTextual()
                    && !List.of("id", "kind", "author", "parent").contains(field.getKey())) {
                if (only != null) {
                    return null;
                }
                only = field.getValue().asText();
            }
        }
        return only;
    }
}
