package dev.counterpoint.bench;

import dev.counterpoint.export.ExportRequest;
import dev.counterpoint.export.Exporters;
import dev.counterpoint.imports.FileImporter;
import dev.counterpoint.imports.ImportFormat;
import dev.counterpoint.imports.ImportOptions;
import dev.counterpoint.platform.Command;
import dev.counterpoint.platform.Progress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * {@code bench-interchange [--import-comments N]}: times the CSV, JSONL and Parquet exports of everything stored
 * and a CSV import of N new comments, each beside PostgreSQL's own COPY of the same rows on the same database.
 */
@ApplicationScoped
public class BenchInterchangeCommand implements Command {

    private static final String COPY_OUT = """
            COPY (SELECT d.external_key, i.id, i.kind, i.position, i.text, i.author_handle, i.posted_at, c.dimension,
                         c.target, c.value, c.source, l.annotator, c.confidence, l.created_at
                  FROM item i JOIN document d ON d.id = i.document_id
                  LEFT JOIN current_label c ON c.item_id = i.id LEFT JOIN label l ON l.id = c.label_id
                  ORDER BY d.id, i.kind, i.position) TO STDOUT WITH (FORMAT csv)""";

    @Inject
    Exporters exporters;

    @Inject
    FileImporter importer;

    @Inject
    DataSource dataSource;

    @Override
    public String name() {
        return "bench-interchange";
    }

    @Override
    public String usage() {
        return "[--import-comments N]   time exports of everything and an import of N comments against COPY";
    }

    @Override
    public int run(List<String> arguments) {
        int comments = 100_000;
        if (arguments.size() == 2 && arguments.get(0).equals("--import-comments")) {
            comments = Integer.parseInt(arguments.get(1));
        } else if (!arguments.isEmpty()) {
            throw new IllegalArgumentException("usage: bench-interchange " + usage());
        }
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("heap limit %d MB%n", runtime.maxMemory() / (1024 * 1024));
        double copy = time(() -> copyOut());
        long copyRows = lastCount;
        System.out.printf(
                "COPY TO STDOUT of items x current labels: %d rows in %.2f s = %.0f rows/s%n",
                copyRows, copy, copyRows / copy);
        for (String format : List.of("csv", "jsonl", "parquet")) {
            CountingStream out = new CountingStream();
            double seconds =
                    time(() -> lastCount = exporters.write(format, ExportRequest.EVERYTHING, out, Progress.NONE));
            System.out.printf(
                    "export %-7s %d %s, %d MB in %.2f s = %.0f %s/s; %.2fx the time of COPY; heap used after %d MB%n",
                    format,
                    lastCount,
                    "parquet".equals(format) ? "rows" : "items",
                    out.bytes / (1024 * 1024),
                    seconds,
                    lastCount / seconds,
                    "parquet".equals(format) ? "rows" : "items",
                    seconds / copy,
                    (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));
        }
        byte[] csv = commentsCsv(comments);
        double copyIn = time(() -> copyIn(csv));
        double imported = time(() -> importer.importFile(
                new ByteArrayInputStream(csv),
                ImportOptions.of(ImportFormat.CSV, "bench")
                        .document("bench-import-" + System.nanoTime(), "Import benchmark")
                        .withoutClassification(),
                Progress.NONE));
        System.out.printf(
                "COPY FROM STDIN of the same CSV: %d rows in %.2f s = %.0f rows/s%n",
                comments, copyIn, comments / copyIn);
        System.out.printf(
                "import csv %d comments (%d MB) in %.2f s = %.0f comments/s; %.2fx the time of COPY%n",
                comments, csv.length / (1024 * 1024), imported, comments / imported, imported / copyIn);
        return 0;
    }

    private long lastCount;

    private void copyOut() {
        try (Connection connection = dataSource.getConnection()) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            lastCount = copy.copyOut(COPY_OUT, new CountingStream());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void copyIn(byte[] csv) {
        try (Connection connection = dataSource.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TEMP TABLE bench_comment (external_id text, text text, author_handle text, "
                        + "posted_at timestamptz, sentiment text)");
            }
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn("COPY bench_comment FROM STDIN WITH (FORMAT csv, HEADER true)", new ByteArrayInputStream(csv));
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE bench_comment");
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] commentsCsv(int comments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder text = new StringBuilder("id,text,author,timestamp,sentiment\n");
        for (int i = 1; i <= comments; i++) {
            text.append('c')
                    .append(i)
                    .append(",\"Comment ")
                    .append(i)
                    .append(": the envoys, Russia and \"\"Ukraine\"\" again\",reader")
                    .append(i % 500)
                    .append(",2025-12-03T10:")
                    .append(String.format("%02d", i % 60))
                    .append(":00Z,")
                    .append(i % 10 == 0 ? "negative" : "")
                    .append('\n');
            if (text.length() > 1 << 20) {
                out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
                text.setLength(0);
            }
        }
        out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static double time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }

    /** Counts what would be written and drops it, so disk speed does not enter the figures. */
    private static final class CountingStream extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
