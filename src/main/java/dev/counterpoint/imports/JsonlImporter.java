package dev.counterpoint.imports;

import dev.counterpoint.codebook.CodebookVersion;
import dev.counterpoint.corpus.CorpusImporter;
import dev.counterpoint.corpus.Document;
import dev.counterpoint.corpus.DocumentImport;
import dev.counterpoint.corpus.InvalidImportException;
import dev.counterpoint.corpus.Item;
import dev.counterpoint.labels.Dimension;
import dev.counterpoint.labels.LabelSource;
import dev.counterpoint.labels.LabelWriter;
import dev.counterpoint.labels.NewLabel;
import dev.counterpoint.platform.Progress;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Imports a JSONL file (docs/jsonl-format.md): its documents and items, and the people's labels in it, in one
 * transaction. Labels whose provenance says a model made them are skipped: models label again by classifying.
 */
@ApplicationScoped
public class JsonlImporter {

    /** What an import stored, or in a dry run would store: counts and, per document, what it holds. */
    public record Summary(
            int documentsCreated,
            int documentsExisting,
            int items,
            int labels,
            int labelsSkipped,
            List<DocumentOutcome> documents) {}

    /** One document of the file; {@code id} is null in a dry run, where nothing is kept. */
    public record DocumentOutcome(
            String key, String title, Long id, boolean created, int paragraphs, int comments, int labels) {}

    @Inject
    CorpusImporter corpus;

    @Inject
    LabelWriter labelWriter;

    /** One transaction for the whole file, so a bad line stores nothing; big files get an hour. */
    @Transactional
    @TransactionConfiguration(timeout = 3600)
    public Summary importFile(Reader source) {
        return store(JsonlReader.read(source), "import", false, Progress.NONE);
    }

    /**
     * Stores the records of a file of any layout in one transaction, or refuses it whole listing every problem.
     * A dry run does all the same work and checks, then rolls it back.
     */
    @Transactional
    @TransactionConfiguration(timeout = 3600)
    public Summary importLines(List<JsonlReader.Line> lines, ImportOptions options, Progress progress) {
        Summary summary = store(lines, options.annotatorOrDefault(), options.dryRun(), progress);
        if (options.dryRun()) {
            QuarkusTransaction.setRollbackOnly();
        }
        return summary;
    }

    private Summary store(List<JsonlReader.Line> lines, String defaultAnnotator, boolean dryRun, Progress progress) {
        ImportProblems problems = new ImportProblems();
        Map<String, JsonlReader.Line> documentLines = new HashMap<>();
        Map<String, List<JsonlReader.Line>> itemsByDocument = new LinkedHashMap<>();
        for (JsonlReader.Line line : lines) {
            if (line.record().isDocumentLine()) {
                if (documentLines.put(line.record().id(), line) != null) {
                    problems.add(line.number(), "the document '" + line.record().id() + "' is described twice.");
                }
                itemsByDocument.computeIfAbsent(line.record().id(), k -> new ArrayList<>());
            } else {
                itemsByDocument
                        .computeIfAbsent(line.record().document(), k -> new ArrayList<>())
                        .add(line);
            }
        }
        int created = 0, existing = 0, items = 0, labels = 0, skipped = 0, done = 0;
        List<DocumentOutcome> outcomes = new ArrayList<>();
        progress.start("import", itemsByDocument.size());
        try {
            for (Map.Entry<String, List<JsonlReader.Line>> entry : itemsByDocument.entrySet()) {
                DocumentImport document;
                try {
                    document = toImport(entry.getKey(), documentLines.get(entry.getKey()), entry.getValue());
                    CorpusImporter.validate(document);
                } catch (InvalidImportException e) {
                    problems.add("Document '" + entry.getKey() + "': " + e.getMessage());
                    continue;
                }
                if (problems.count() > 0) {
                    // Already refused: go on checking the rest without storing anything more.
                    continue;
                }
                CorpusImporter.Result result;
                try {
                    result = corpus.importDocument(document);
                } catch (InvalidImportException e) {
                    // The transaction is marked for rollback now, so nothing more can be stored or checked.
                    problems.add("Document '" + entry.getKey() + "': " + e.getMessage());
                    break;
                }
                if (result.created()) {
                    created++;
                    items += entry.getValue().size();
                } else {
                    existing++;
                }
                LabelBatch batch = labelsOf(result.document(), entry.getValue(), defaultAnnotator, problems);
                if (problems.count() == 0) {
                    labelWriter.append(batch.labels());
                }
                labels += batch.labels().size();
                skipped += batch.skipped();
                outcomes.add(new DocumentOutcome(
                        entry.getKey(),
                        result.document().title,
                        dryRun ? null : result.document().id,
                        result.created(),
                        result.document().paragraphCount,
                        result.document().commentCount,
                        batch.labels().size()));
                progress.done(++done);
            }
        } finally {
            progress.finish();
        }
        problems.throwIfAny();
        return new Summary(created, existing, items, labels, skipped, outcomes);
    }

    private static DocumentImport toImport(String key, JsonlReader.Line documentLine, List<JsonlReader.Line> lines) {
        JsonlRecord meta = documentLine == null ? null : documentLine.record();
        List<DocumentImport.Paragraph> paragraphs = new ArrayList<>();
        List<DocumentImport.Comment> comments = new ArrayList<>();
        String articleId = null;
        String articleText = null;
        for (JsonlReader.Line line : lines) {
            JsonlRecord r = line.record();
            switch (r.kind()) {
                case "paragraph" ->
                    paragraphs.add(new DocumentImport.Paragraph(r.id(), r.text(), Boolean.TRUE.equals(r.heading())));
                case "comment" ->
                    comments.add(new DocumentImport.Comment(r.id(), r.author(), r.postedAt(), r.parent(), r.text()));
                default -> {
                    if (articleText != null) {
                        throw new InvalidImportException("Line " + line.number() + ": the document '" + key
                                + "' has a second 'article' line; an article is one item.");
                    }
                    articleId = r.id();
                    articleText = r.text();
                }
            }
        }
        if (paragraphs.isEmpty() && articleText != null) {
            for (String block : articleText.split("\\n\\s*\\n")) {
                if (!block.isBlank()) {
                    paragraphs.add(new DocumentImport.Paragraph(block.strip(), false));
                }
            }
        }
        return new DocumentImport(
                key,
                meta == null || meta.title() == null ? key : meta.title(),
                meta == null ? null : meta.url(),
                meta == null ? null : meta.byline(),
                meta == null ? null : meta.published(),
                meta == null ? null : meta.attribution(),
                meta == null ? null : meta.codebook(),
                articleId,
                paragraphs,
                comments);
    }

    private record LabelBatch(List<NewLabel> labels, int skipped) {}

    private static LabelBatch labelsOf(
            Document document, List<JsonlReader.Line> lines, String defaultAnnotator, ImportProblems problems) {
        CodebookVersion codebook = document.codebook.latestVersion();
        Set<String> targets = codebook.targets.stream().map(t -> t.slug).collect(Collectors.toSet());
        Map<String, Long> itemIds = itemIdsByExternalId(document);
        Set<String> existing = existingHumanLabels(document);
        List<NewLabel> labels = new ArrayList<>();
        int skipped = 0;
        for (JsonlReader.Line line : lines) {
            JsonlRecord r = line.record();
            if (r.labels() == null || r.labels().isEmpty()) {
                continue;
            }
            Long itemId = r.id() == null ? null : itemIds.get(r.id());
            if (itemId == null) {
                problems.add(line.number(), "a labelled item needs an 'id' that is unique in its document.");
                continue;
            }
            for (Map.Entry<String, String> label : r.labels().entrySet()) {
                JsonlRecord.Provenance provenance =
                        r.provenance() == null ? null : r.provenance().get(label.getKey());
                NewLabel newLabel;
                try {
                    LabelSource source = sourceOf(provenance, line.number());
                    if (source == LabelSource.MODEL) {
                        skipped++;
                        continue;
                    }
                    newLabel = toLabel(
                            itemId,
                            label.getKey(),
                            label.getValue(),
                            source,
                            annotatorOf(provenance, r, defaultAnnotator),
                            targets,
                            codebook,
                            line.number());
                } catch (InvalidImportException e) {
                    problems.add(e.getMessage());
                    continue;
                }
                String key = itemId + "|" + newLabel.dimension() + "|" + newLabel.target() + "|" + newLabel.value()
                        + "|" + newLabel.source().code() + "|" + newLabel.annotator();
                if (existing.add(key)) {
                    labels.add(newLabel);
                } else {
                    skipped++;
                }
            }
        }
        return new LabelBatch(labels, skipped);
    }

    private static NewLabel toLabel(
            long itemId,
            String key,
            String rawValue,
            LabelSource source,
            String annotator,
            Set<String> targets,
            CodebookVersion codebook,
            int number) {
        Dimension dimension = switch (key) {
            case "sentiment" -> Dimension.SENTIMENT;
            case "incivility" -> Dimension.INCIVILITY;
            default -> Dimension.STANCE;
        };
        if (dimension == Dimension.STANCE && !targets.contains(key)) {
            throw new InvalidImportException("Line " + number + ": '" + key + "' is not a target of the codebook '"
                    + codebook.codebook.slug + "' ("
                    + String.join(
                            ", ", codebook.targets.stream().map(t -> t.slug).toList())
                    + ") nor sentiment or incivility.");
        }
        String value = rawValue == null ? "" : rawValue.strip().toLowerCase(Locale.ROOT);
        if (!dimension.labelValues().contains(value)) {
            throw new InvalidImportException("Line " + number + ": '" + rawValue + "' is not a value for " + key + " ("
                    + String.join(", ", dimension.labelValues()) + ").");
        }
        return new NewLabel(
                itemId,
                dimension,
                dimension == Dimension.STANCE ? key : null,
                value,
                null,
                null,
                source,
                annotator,
                null,
                null,
                null);
    }

    private static LabelSource sourceOf(JsonlRecord.Provenance provenance, int number) {
        if (provenance == null || provenance.source() == null) {
            return LabelSource.HUMAN;
        }
        try {
            return LabelSource.fromCode(provenance.source());
        } catch (IllegalArgumentException e) {
            throw new InvalidImportException("Line " + number + ": provenance source '" + provenance.source()
                    + "' is not model, human or adjudicated.");
        }
    }

    private static String annotatorOf(JsonlRecord.Provenance provenance, JsonlRecord record, String defaultAnnotator) {
        if (provenance != null
                && provenance.annotator() != null
                && !provenance.annotator().isBlank()) {
            return provenance.annotator();
        }
        return record.annotator() == null || record.annotator().isBlank() ? defaultAnnotator : record.annotator();
    }

    private static Map<String, Long> itemIdsByExternalId(Document document) {
        Map<String, Long> ids = new HashMap<>();
        for (Item item : Item.<Item>list("document = ?1 and externalId is not null", document)) {
            ids.put(item.externalId, item.id);
        }
        return ids;
    }

    private static Set<String> existingHumanLabels(Document document) {
        List<Object[]> rows = Item.getEntityManager()
                .createQuery(
                        "select l.item.id, l.dimension, l.target, l.value, l.source, l.annotator from Label l "
                                + "where l.item.document = ?1 and l.source <> ?2",
                        Object[].class)
                .setParameter(1, document)
                .setParameter(2, LabelSource.MODEL)
                .getResultList();
        return rows.stream()
                .map(r -> r[0] + "|" + r[1] + "|" + r[2] + "|" + r[3] + "|" + ((LabelSource) r[4]).code() + "|" + r[5])
                .collect(Collectors.toCollection(java.util.HashSet::new));
    }
}
