package dev.counterpoint.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.counterpoint.classify.jobs.ClassificationRequests;
import dev.counterpoint.classify.jobs.ClassificationWorker;
import dev.counterpoint.corpus.Document;
import dev.counterpoint.corpus.InvalidImportException;
import dev.counterpoint.imports.JsonlImporter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JsonlRoundTripTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    JsonlImporter importer;

    @Inject
    JsonlExporter exporter;

    @Inject
    ClassificationRequests classification;

    @Inject
    ClassificationWorker worker;

    @Test
    void an_export_carries_provenance_and_imports_again_with_peoples_labels_kept_and_the_models_skipped()
            throws Exception {
        String key = "roundtrip-" + System.nanoTime();
        String file = """
                {"kind": "document", "id": "%1$s", "title": "Round trip", "byline": "A. Writer", "attribution": "CC BY 4.0"}
                {"id": "p1", "document": "%1$s", "kind": "paragraph", "text": "Russia and Ukraine met."}
                {"id": "c1", "document": "%1$s", "kind": "comment", "text": "=HYPERLINK(\\"http://x\\") <script>x</script>", "labels": {"russia": "AGAINST", "sentiment": "negative"}, "annotator": "ann"}
                {"id": "c2", "document": "%1$s", "kind": "comment", "parent": "c1", "text": "Putin again.", "labels": {"ukraine": "favor"}, "provenance": {"ukraine": {"source": "adjudicated", "annotator": "lead"}}}
                """.formatted(key);
        JsonlImporter.Summary summary = importer.importFile(new StringReader(file));
        assertEquals(1, summary.documentsCreated());
        assertEquals(3, summary.labels());
        long id = QuarkusTransaction.requiringNew()
                .call(() -> Document.findByExternalKey(key).orElseThrow().id);
        classification.classifyDocument(id, "test");
        worker.drain();

        List<JsonNode> exported = export(id);
        assertEquals("document", exported.get(0).get("kind").asText());
        assertEquals("CC BY 4.0", exported.get(0).get("attribution").asText());
        JsonNode c1 = find(exported, "c1");
        assertEquals(
                "=HYPERLINK(\"http://x\") <script>x</script>", c1.get("text").asText(), "text exactly as imported");
        assertEquals("against", c1.get("labels").get("russia").asText());
        assertEquals("human", c1.get("provenance").get("russia").get("source").asText());
        assertEquals("ann", c1.get("provenance").get("russia").get("annotator").asText());
        assertEquals("model", c1.get("provenance").get("ukraine").get("source").asText());
        assertTrue(c1.get("provenance").get("ukraine").get("model").asText().startsWith("transfer:default"));
        assertTrue(c1.get("provenance").get("ukraine").has("confidence"));
        assertEquals(
                "adjudicated",
                find(exported, "c2")
                        .get("provenance")
                        .get("ukraine")
                        .get("source")
                        .asText());
        assertEquals("c1", find(exported, "c2").get("parent").asText());

        String again = toText(exported).replace("\"" + key + "\"", "\"" + key + "-copy\"");
        JsonlImporter.Summary copy = importer.importFile(new StringReader(again));
        assertEquals(3, copy.labels(), "the three people's labels");
        assertTrue(copy.labelsSkipped() > 20, "the model's labels are not imported as people's");
        long copyId = QuarkusTransaction.requiringNew()
                .call(() -> Document.findByExternalKey(key + "-copy").orElseThrow().id);
        List<JsonNode> copied = export(copyId);
        assertEquals(
                find(exported, "c1").get("provenance").get("russia").get("annotator"),
                find(copied, "c1").get("provenance").get("russia").get("annotator"));
        assertEquals(
                "adjudicated",
                find(copied, "c2")
                        .get("provenance")
                        .get("ukraine")
                        .get("source")
                        .asText());
        assertEquals(exported.size(), copied.size());

        JsonlImporter.Summary twice = importer.importFile(new StringReader(again));
        assertEquals(0, twice.labels(), "importing twice adds no label twice");
    }

    @Test
    void a_bad_line_names_its_number_and_nothing_is_stored() {
        String key = "bad-" + System.nanoTime();
        String file = """
                {"id": "c1", "document": "%1$s", "kind": "comment", "text": "fine", "labels": {"russia": "favor"}}
                {"id": "c2", "document": "%1$s", "kind": "comment", "text": "bad value", "labels": {"russia": "maybe"}}
                """.formatted(key);
        InvalidImportException e =
                assertThrows(InvalidImportException.class, () -> importer.importFile(new StringReader(file)));
        assertTrue(e.getMessage().startsWith("Line 2: 'maybe' is not a value for russia"), e.getMessage());
        assertTrue(QuarkusTransaction.requiringNew()
                .call(() -> Document.findByExternalKey(key).isEmpty()));

        String unknownTarget =
                "{\"id\": \"c1\", \"document\": \"%s\", \"kind\": \"comment\", \"text\": \"x\", \"labels\": {\"abortion\": \"favor\"}}"
                        .formatted(key);
        assertTrue(
                assertThrows(InvalidImportException.class, () -> importer.importFile(new StringReader(unknownTarget)))
                        .getMessage()
                        .contains("'abortion' is not a target of the codebook 'default'"));
        assertTrue(
                assertThrows(InvalidImportException.class, () -> importer.importFile(new StringReader("{not json}\n")))
                        .getMessage()
                        .startsWith("Line 1 is not a JSON object"));
        assertTrue(assertThrows(
                        InvalidImportException.class,
                        () -> importer.importFile(new StringReader(
                                "{\"id\": \"x\", \"document\": \"d\", \"kind\": \"coment\", \"text\": \"\"}")))
                .getMessage()
                .contains("'kind' must be article, paragraph, comment or document"));
        assertTrue(QuarkusTransaction.requiringNew()
                .call(() -> Document.findByExternalKey(key).isEmpty()));
    }

    private List<JsonNode> export(long id) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.write(List.of(id), out);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private static JsonNode find(List<JsonNode> lines, String id) {
        return lines.stream()
                .filter(l -> l.has("document") && l.get("id").asText().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static String toText(List<JsonNode> lines) {
        StringBuilder text = new StringBuilder();
        lines.forEach(l -> text.append(l.toString()).append('\n'));
        return text.toString();
    }
}
