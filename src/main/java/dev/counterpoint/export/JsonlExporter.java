package dev.counterpoint.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.counterpoint.dashboard.ChartFilter;
import dev.counterpoint.imports.JsonlRecord;
import dev.counterpoint.platform.Progress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes documents as JSONL (docs/jsonl-format.md): a document line with its byline and attribution, then every
 * item with its current labels and, per label, where it came from (source, annotator or model version, calibrated
 * confidence, disputed, codebook version); with the history asked for, every label the item ever had. Rows stream
 * from PostgreSQL, so an export of any size runs in constant memory, and the file imports again as it is.
 */
@ApplicationScoped
public class JsonlExporter {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Inject
    ExportQuery query;

    /** Writes the given documents, or all of them when {@code documentIds} is empty, with their current labels. */
    public void write(List<Long> documentIds, OutputStream out) {
        write(new ExportRequest(documentIds, ChartFilter.ALL, false), out, Progress.NONE);
    }

    /** Writes what the request asks for; returns how many items were written. */
    public long write(ExportRequest request, OutputStream out, Progress progress) {
        OutputStream buffered = new BufferedOutputStream(out, 1 << 16);
        long[] document = {-1};
        long[] written = {0};
        progress.start("export jsonl", -1);
        try {
            ItemGroups groups = new ItemGroups(group -> {
                ExportRow item = group.item();
                if (item.documentId() != document[0]) {
                    document[0] = item.documentId();
                    line(buffered, documentLine(item));
                }
                line(buffered, itemLine(group, request.history()));
                if (++written[0] % 10_000 == 0) {
                    progress.done(written[0]);
                }
            });
            query.stream(request, groups);
            long items = groups.finish();
            buffered.flush();
            progress.done(items);
            return items;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            progress.finish();
        }
    }

    private static JsonlRecord documentLine(ExportRow item) {
        return new JsonlRecord(
                item.documentKey(),
                null,
                JsonlRecord.DOCUMENT,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                item.title(),
                item.url(),
                item.byline(),
                item.published(),
                item.attribution(),
                item.codebook(),
                null);
    }

    private static JsonlRecord itemLine(ItemGroups.Group group, boolean history) {
        ExportRow item = group.item();
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, JsonlRecord.Provenance> provenance = new LinkedHashMap<>();
        List<JsonlRecord.HistoryEntry> entries = new ArrayList<>();
        group.labels().stream().sorted((a, b) -> a.key().compareTo(b.key())).forEach(label -> {
            if (history) {
                entries.add(new JsonlRecord.HistoryEntry(
                        label.key(),
                        label.value(),
                        label.source(),
                        label.annotator(),
                        label.modelVersion(),
                        label.confidence(),
                        label.labelledAt() == null ? null : label.labelledAt().toString(),
                        label.codebookVersion()));
            }
            if (!history || label.current()) {
                values.put(label.key(), label.value());
                provenance.put(
                        label.key(),
                        new JsonlRecord.Provenance(
                                label.source(),
                                label.annotator(),
                                label.modelVersion(),
                                label.confidence(),
                                label.labelledAt() == null
                                        ? null
                                        : label.labelledAt().toString(),
                                label.disputed() ? Boolean.TRUE : null,
                                label.codebookVersion()));
            }
        });
        return new JsonlRecord(
                item.itemKey(),
                item.documentKey(),
                item.kind(),
                item.position(),
                item.heading() ? Boolean.TRUE : null,
                item.text(),
                item.author(),
                item.postedAt(),
                item.parent(),
                values.isEmpty() ? null : values,
                null,
                provenance.isEmpty() ? null : provenance,
                null,
                null,
                null,
                null,
                null,
                null,
                entries.isEmpty() ? null : entries);
    }

    private static void line(OutputStream out, JsonlRecord record) {
        try {
            JSON.writeValue(new NonClosing(out), record);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Jackson closes the stream it writes to; the export's stream must stay open for the next line. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
