package dev.counterpoint.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.counterpoint.classify.jobs.ClassificationWorker;
import dev.counterpoint.dashboard.ChartFilter;
import dev.counterpoint.imports.FileImporter;
import dev.counterpoint.imports.ImportFormat;
import dev.counterpoint.imports.ImportOptions;
import dev.counterpoint.platform.Progress;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ExportFormatsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    FileImporter importer;

    @Inject
    Exporters exporters;

    @Inject
    LabelStudioExporter labelStudio;

    @Inject
    ClassificationWorker worker;

    @Test
    void everything_exported_imports_again_with_the_same_labels_and_provenance() throws Exception {
        String key = "trip-" + System.nanoTime();
        long id = importClassified(key);
        List<JsonNode> original = jsonl(new ExportRequest(List.of(id), ChartFilter.ALL, false));

        String file = text(original).replace("\"" + key + "\"", "\"" + key + "-copy\"");
        FileImporter.Report copy = importer.importFile(
                new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)),
                ImportOptions.of(ImportFormat.JSONL, "someone-else"),
                Progress.NONE);
        assertEquals(1, copy.jobs().size(), "the copy is queued for the model");
        worker.drain();
        long copyId = copy.summary().documents().get(0).id();
        List<JsonNode> copied = jsonl(new ExportRequest(List.of(copyId), ChartFilter.ALL, false));

        assertEquals(comparable(original, key), comparable(copied, key + "-copy"));
        JsonNode c1 = find(copied, "c1");
        assertEquals("ann", c1.at("/provenance/russia/annotator").asText(), "the person's name, not the importer's");
        assertEquals(
                "adjudicated",
                find(copied, "c2").at("/provenance/ukraine/source").asText());
        assertEquals("model", c1.at("/provenance/ukraine/source").asText());
        assertTrue(c1.at("/provenance/ukraine/confidence").isNumber());
        assertEquals(1, c1.at("/provenance/ukraine/codebook_version").asInt());
    }

    @Test
    void csv_export_neutralises_formulas_carries_provenance_and_reads_back_as_csv() throws Exception {
        String key = "csvx-" + System.nanoTime();
        long id = importClassified(key);
        String csv = export("csv", new ExportRequest(List.of(id), ChartFilter.ALL, false));
        List<CSVRecord> rows = csv(csv);
        CSVRecord c1 =
                rows.stream().filter(r -> r.get("id").equals("c1")).findFirst().orElseThrow();
        assertEquals("'=HYPERLINK(\"http://x\") <script>x</script>", c1.get("text"));
        assertEquals(
                "'-1 for this, @everyone",
                rows.stream()
                        .filter(r -> r.get("id").equals("c2"))
                        .findFirst()
                        .orElseThrow()
                        .get("text"));
        assertEquals("against", c1.get("russia"));
        assertEquals("human", c1.get("russia_source"));
        assertEquals("ann", c1.get("russia_annotator"));
        assertEquals("model", c1.get("ukraine_source"));
        assertFalse(c1.get("ukraine_model").isBlank());
        assertFalse(c1.get("ukraine_confidence").isBlank());
        assertEquals("false", c1.get("ukraine_disputed"));
        assertEquals("1", c1.get("ukraine_codebook_version"));
        for (CSVRecord row : rows) {
            for (String cell : row) {
                assertFalse(cell.matches("^[=+\\-@\t\r].*"), "a cell a spreadsheet would run: " + cell);
            }
        }

        String copyCsv = csv.replace(key, key + "-copy");
        FileImporter.Report copy = importer.importFile(
                new ByteArrayInputStream(copyCsv.getBytes(StandardCharsets.UTF_8)),
                ImportOptions.of(ImportFormat.CSV, "x").withoutClassification(),
                Progress.NONE);
        assertEquals(3, copy.summary().labels(), "the people's labels; the model's are the model's to give again");
        long copyId = copy.summary().documents().get(0).id();
        List<JsonNode> copied = jsonl(new ExportRequest(List.of(copyId), ChartFilter.ALL, false));
        assertEquals(
                "=HYPERLINK(\"http://x\") <script>x</script>",
                find(copied, "c1").get("text").asText());
        assertEquals("-1 for this, @everyone", find(copied, "c2").get("text").asText());
        assertEquals(
                "ann", find(copied, "c1").at("/provenance/russia/annotator").asText());
        assertEquals(
                "adjudicated",
                find(copied, "c2").at("/provenance/ukraine/source").asText());
    }

    @Test
    void the_dashboard_filters_choose_what_is_exported() throws Exception {
        String key = "filter-" + System.nanoTime();
        long id = importClassified(key);
        List<JsonNode> human =
                jsonl(new ExportRequest(List.of(id), new ChartFilter("human", 0, null, null, true), false));
        for (JsonNode line : human) {
            line.path("provenance")
                    .forEach(p -> assertEquals("human", p.get("source").asText()));
        }
        assertEquals("against", find(human, "c1").at("/labels/russia").asText());
        assertTrue(find(human, "c2").path("labels").isMissingNode(), "c2 has no human label, only adjudicated");

        List<JsonNode> sure =
                jsonl(new ExportRequest(List.of(id), new ChartFilter("current", 0.999, null, null, true), false));
        for (JsonNode line : sure) {
            line.path("provenance")
                    .forEach(p -> assertTrue(
                            !p.has("confidence") || p.get("confidence").asDouble() >= 0.999, p.toString()));
        }

        List<JsonNode> december = jsonl(new ExportRequest(
                List.of(id), new ChartFilter("current", 0, LocalDate.of(2025, 12, 3), null, true), false));
        assertTrue(december.stream().anyMatch(l -> "c1".equals(l.path("id").asText())));
        assertTrue(december.stream().noneMatch(l -> "c3".equals(l.path("id").asText())), "c3 is from 2024");
        assertTrue(december.stream()
                .anyMatch(l -> "paragraph".equals(l.path("kind").asText())));

        List<JsonNode> history = jsonl(new ExportRequest(List.of(id), ChartFilter.ALL, true));
        JsonNode c1 = find(history, "c1");
        assertTrue(c1.get("history").size() >= c1.get("labels").size());
    }

    @Test
    void label_studio_tasks_carry_annotations_and_predictions_and_import_again() throws Exception {
        String key = "lsx-" + System.nanoTime();
        long id = importClassified(key);
        JsonNode tasks = JSON.readTree(export("label-studio", new ExportRequest(List.of(id), ChartFilter.ALL, false)));
        JsonNode c1 = null;
        for (JsonNode task : tasks) {
            if ("c1".equals(task.at("/data/id").asText())) {
                c1 = task;
            }
        }
        assertNotNull(c1);
        assertEquals(
                "=HYPERLINK(\"http://x\") <script>x</script>",
                c1.at("/data/text").asText());
        JsonNode annotation = c1.at("/annotations/0");
        assertEquals("ann", annotation.at("/completed_by/email").asText());
        List<String> controls = new ArrayList<>();
        annotation.get("result").forEach(r -> {
            assertEquals("choices", r.get("type").asText());
            assertEquals("text", r.get("to_name").asText());
            controls.add(
                    r.get("from_name").asText() + "=" + r.at("/value/choices/0").asText());
        });
        assertEquals(
                List.of("russia=against", "sentiment=negative"),
                controls.stream().sorted().toList());
        JsonNode prediction = c1.at("/predictions/0");
        assertTrue(prediction.get("model_version").asText().startsWith("transfer:default"));
        assertTrue(prediction.get("score").asDouble() > 0
                && prediction.get("score").asDouble() <= 1);

        String config = labelStudio.config("default");
        assertTrue(config.contains("<Text name=\"text\" value=\"$text\"/>"));
        assertTrue(config.contains("<Choices name=\"russia\" toName=\"text\" choice=\"single\""));
        assertTrue(config.contains("<Choice value=\"against\"/>"));
        assertTrue(config.contains("<Choices name=\"sentiment\""));

        FileImporter.Report back = importer.importFile(
                new ByteArrayInputStream(tasks.toString().getBytes(StandardCharsets.UTF_8)),
                ImportOptions.of(ImportFormat.LABEL_STUDIO, null)
                        .document(key + "-back", null)
                        .withoutClassification(),
                Progress.NONE);
        long backId = back.summary().documents().get(0).id();
        JsonNode backC1 = find(jsonl(new ExportRequest(List.of(backId), ChartFilter.ALL, false)), "c1");
        assertEquals("against", backC1.at("/labels/russia").asText());
        assertEquals("ann", backC1.at("/provenance/russia/annotator").asText());
    }

    @Test
    void parquet_has_typed_columns_and_reads_back_with_parquet_floors_reader() throws Exception {
        String key = "pq-" + System.nanoTime();
        long id = importClassified(key);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("export", ".parquet");
        try {
            try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(file)) {
                exporters.write("parquet", new ExportRequest(List.of(id), ChartFilter.ALL, false), out, Progress.NONE);
            }
            var schema = blue.strategic.parquet.ParquetReader.readMetadata(file.toFile())
                    .getFileMetaData()
                    .getSchema();
            assertEquals(
                    "INT64",
                    schema.getType("item_id")
                            .asPrimitiveType()
                            .getPrimitiveTypeName()
                            .name());
            assertEquals(
                    "DOUBLE",
                    schema.getType("confidence")
                            .asPrimitiveType()
                            .getPrimitiveTypeName()
                            .name());
            assertEquals(
                    "BOOLEAN",
                    schema.getType("disputed")
                            .asPrimitiveType()
                            .getPrimitiveTypeName()
                            .name());
            assertEquals(
                    org.apache.parquet.schema.LogicalTypeAnnotation.timestampType(
                            true, org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit.MICROS),
                    schema.getType("posted_at").getLogicalTypeAnnotation());
            List<Map<String, Object>> rows;
            try (var stream = blue.strategic.parquet.ParquetReader.streamContent(
                    file.toFile(), blue.strategic.parquet.HydratorSupplier.constantly(new MapHydrator()))) {
                rows = stream.toList();
            }
            Map<String, Object> russia = rows.stream()
                    .filter(r -> "c1".equals(r.get("id")) && "russia".equals(r.get("target")))
                    .findFirst()
                    .orElseThrow();
            assertEquals("against", russia.get("value"));
            assertEquals("human", russia.get("source"));
            assertEquals("ann", russia.get("annotator"));
            assertEquals(Boolean.TRUE, russia.get("current"));
            Map<String, Object> model = rows.stream()
                    .filter(r -> "c1".equals(r.get("id")) && "ukraine".equals(r.get("target")))
                    .findFirst()
                    .orElseThrow();
            assertTrue(model.get("confidence") instanceof Double);
            assertTrue(model.get("item_id") instanceof Long);
            assertTrue(model.get("posted_at") instanceof Long, "microseconds since 1970, as Parquet stores them");
            List<String[]> jsonlItems = new ArrayList<>();
            long labelCount = 0;
            for (JsonNode line : jsonl(new ExportRequest(List.of(id), ChartFilter.ALL, false))) {
                if (line.has("document")) {
                    jsonlItems.add(new String[] {line.get("id").asText()});
                    labelCount += line.path("labels").size();
                }
            }
            assertEquals(labelCount, rows.size(), "one row per item and label, as many labels as the JSONL has");
            assertEquals(5, jsonlItems.size());
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    /** Collects a Parquet row into a map of column name to value, as parquet-floor's reader hands them over. */
    private static final class MapHydrator
            implements blue.strategic.parquet.Hydrator<Map<String, Object>, Map<String, Object>> {
        @Override
        public Map<String, Object> start() {
            return new java.util.HashMap<>();
        }

        @Override
        public Map<String, Object> add(Map<String, Object> row, String heading, Object value) {
            row.put(heading, value);
            return row;
        }

        @Override
        public Map<String, Object> finish(Map<String, Object> row) {
            return row;
        }
    }

    private long importClassified(String key) {
        String file = """
                {"kind": "document", "id": "%1$s", "title": "Export", "byline": "A. Writer", "attribution": "CC BY 4.0"}
                {"id": "p1", "document": "%1$s", "kind": "paragraph", "text": "Russia and Ukraine met in Geneva."}
                {"id": "c1", "document": "%1$s", "kind": "comment", "posted_at": "2025-12-03T10:00:00Z", "text": "=HYPERLINK(\\"http://x\\") <script>x</script>", "labels": {"russia": "against", "sentiment": "negative"}, "annotator": "ann"}
                {"id": "c2", "document": "%1$s", "kind": "comment", "posted_at": "2025-12-03T11:00:00Z", "parent": "c1", "text": "-1 for this, @everyone", "labels": {"ukraine": "favor"}, "provenance": {"ukraine": {"source": "adjudicated", "annotator": "lead"}}}
                {"id": "c3", "document": "%1$s", "kind": "comment", "posted_at": "2024-01-01T00:00:00Z", "text": "Old news about Europe."}
                """.formatted(key);
        FileImporter.Report report = importer.importFile(
                new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)),
                ImportOptions.of(ImportFormat.JSONL, "admin"),
                Progress.NONE);
        worker.drain();
        return report.summary().documents().get(0).id();
    }

    private String export(String format, ExportRequest request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporters.write(format, request, out, Progress.NONE);
        return out.toString(StandardCharsets.UTF_8);
    }

    private List<JsonNode> jsonl(ExportRequest request) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : export("jsonl", request).split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private static List<CSVRecord> csv(String text) throws Exception {
        try (CSVParser parser = CSVParser.parse(
                new StringReader(text),
                CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get())) {
            return parser.getRecords();
        }
    }

    /**
     * The export without what differs between two instances: the document's key, when labels were given, and the
     * model's confidence, which the model works out again on the new instance (calibration sees the corpus there).
     */
    private static List<JsonNode> comparable(List<JsonNode> lines, String key) {
        List<JsonNode> result = new ArrayList<>();
        for (JsonNode line : lines) {
            ObjectNode copy = line.deepCopy();
            if (copy.has("document")) {
                assertEquals(key, copy.get("document").asText());
                copy.remove("document");
            } else {
                assertEquals(key, copy.get("id").asText());
                copy.remove("id");
            }
            for (Iterator<Map.Entry<String, JsonNode>> p =
                            copy.path("provenance").fields();
                    p.hasNext(); ) {
                ObjectNode provenance = (ObjectNode) p.next().getValue();
                provenance.remove("labelled_at");
                if ("model".equals(provenance.path("source").asText())) {
                    assertTrue(provenance.get("confidence").isNumber());
                    provenance.remove("confidence");
                }
            }
            result.add(copy);
        }
        return result;
    }

    private static JsonNode find(List<JsonNode> lines, String id) {
        return lines.stream()
                .filter(l -> l.has("document") && l.get("id").asText().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static String text(List<JsonNode> lines) {
        StringBuilder text = new StringBuilder();
        lines.forEach(l -> text.append(l.toString()).append('\n'));
        return text.toString();
    }
}
