package dev.counterpoint.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.counterpoint.codebook.Codebook;
import dev.counterpoint.codebook.CodebookVersion;
import dev.counterpoint.codebook.Target;
import dev.counterpoint.corpus.Document;
import dev.counterpoint.labels.Dimension;
import dev.counterpoint.platform.InvalidInputException;
import dev.counterpoint.platform.Progress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Writes items as Label Studio task JSON for text classification: {@code data.text} (with the item's id, document
 * and kind beside it), people's current labels as one annotation per person with one {@code choices} result per
 * target, sentiment and incivility, and the model's labels as a prediction with its version and mean confidence
 * as score. {@link #config} writes the labelling config that matches, so Label Studio can open the tasks.
 */
@ApplicationScoped
public class LabelStudioExporter {

    static final String TEXT = "text";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ExportQuery query;

    public long write(ExportRequest request, OutputStream out, Progress progress) {
        progress.start("export label-studio", -1);
        try (JsonGenerator json = JSON.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartArray();
            long[] written = {0};
            ItemGroups groups = new ItemGroups(group -> {
                task(json, group);
                if (++written[0] % 10_000 == 0) {
                    progress.done(written[0]);
                }
            });
            query.stream(request, groups);
            long items = groups.finish();
            json.writeEndArray();
            json.writeRaw('\n');
            progress.done(items);
            return items;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            progress.finish();
        }
    }

    private static void task(JsonGenerator json, ItemGroups.Group group) {
        ExportRow item = group.item();
        try {
            json.writeStartObject();
            json.writeNumberField("id", item.itemId());
            json.writeObjectFieldStart("data");
            json.writeStringField(TEXT, item.text());
            json.writeStringField("id", item.itemKey());
            json.writeStringField("document", item.documentKey());
            json.writeStringField("kind", item.kind());
            if (item.author() != null) {
                json.writeStringField("author", item.author());
            }
            if (item.parent() != null) {
                json.writeStringField("parent", item.parent());
            }
            json.writeEndObject();
            Map<String, List<ExportRow.Label>> byPerson = new LinkedHashMap<>();
            List<ExportRow.Label> model = group.labels().stream()
                    .filter(l -> "model".equals(l.source()))
                    .toList();
            group.labels().stream()
                    .filter(l -> !"model".equals(l.source()))
                    .forEach(l -> byPerson.computeIfAbsent(l.annotator(), k -> new java.util.ArrayList<>())
                            .add(l));
            json.writeArrayFieldStart("annotations");
            for (Map.Entry<String, List<ExportRow.Label>> person : byPerson.entrySet()) {
                json.writeStartObject();
                json.writeObjectFieldStart("completed_by");
                json.writeStringField("email", person.getKey());
                json.writeEndObject();
                results(json, person.getValue());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("predictions");
            if (!model.isEmpty()) {
                json.writeStartObject();
                json.writeStringField("model_version", model.get(0).modelVersion());
                OptionalDouble score = model.stream()
                        .filter(l -> l.confidence() != null)
                        .mapToDouble(ExportRow.Label::confidence)
                        .average();
                if (score.isPresent()) {
                    json.writeNumberField("score", Math.round(score.getAsDouble() * 10_000) / 10_000.0);
                }
                results(json, model);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void results(JsonGenerator json, List<ExportRow.Label> labels) throws IOException {
        json.writeArrayFieldStart("result");
        for (ExportRow.Label label : labels) {
            json.writeStartObject();
            json.writeStringField("from_name", label.key());
            json.writeStringField("to_name", TEXT);
            json.writeStringField("type", "choices");
            json.writeObjectFieldStart("value");
            json.writeArrayFieldStart("choices");
            json.writeString(label.value());
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** The labelling config for a codebook's latest version: the text, then one single-choice control per key. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String config(String codebookSlug) {
        Codebook codebook = Codebook.findBySlug(codebookSlug)
                .orElseThrow(() -> new InvalidInputException(
                        "There is no such codebook", "There is no codebook '" + codebookSlug + "'."));
        CodebookVersion version = codebook.latestVersion();
        StringBuilder xml = new StringBuilder("<View>\n  <Text name=\"" + TEXT + "\" value=\"$" + TEXT + "\"/>\n");
        for (Target target : version.targets) {
            choices(xml, target.slug, target.name, Dimension.STANCE.labelValues());
        }
        choices(xml, "sentiment", "Sentiment", Dimension.SENTIMENT.labelValues());
        choices(xml, "incivility", "Incivility", Dimension.INCIVILITY.labelValues());
        return xml.append("</View>\n").toString();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public String configForDocument(long documentId) {
        Document document = Document.<Document>findByIdOptional(documentId)
                .orElseThrow(() -> new NotFoundException("There is no document " + documentId + "."));
        return config(document.codebook.slug);
    }

    private static void choices(StringBuilder xml, String name, String header, List<String> values) {
        xml.append("  <Header value=\"").append(escape(header)).append("\"/>\n");
        xml.append("  <Choices name=\"")
                .append(name)
                .append("\" toName=\"" + TEXT + "\" choice=\"single\" ")
                .append("showInline=\"true\">\n");
        for (String value : values) {
            xml.append("    <Choice value=\"").append(escape(value)).append("\"/>\n");
        }
        xml.append("  </Choices>\n");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("\"", "&quot;")
                .replace("<", "&lt;")
                .replace(">", "&gt;");
    }
}
