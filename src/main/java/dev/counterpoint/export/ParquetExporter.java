package dev.counterpoint.export;

import dev.counterpoint.platform.Progress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * Writes items as Parquet with typed columns, one row per item and label (an item without labels has one row with
 * empty label columns), straight to the output stream: row groups of {@value #ROW_GROUP_BYTES} bytes at most are
 * buffered, so memory stays flat however many rows there are. parquet-floor supplies the few Hadoop classes the
 * writer needs; no Hadoop is installed or started.
 */
@ApplicationScoped
public class ParquetExporter {

    static final int ROW_GROUP_BYTES = 16 * 1024 * 1024;

    static final MessageType SCHEMA = Types.buildMessage()
            .required(PrimitiveTypeName.BINARY)
            .as(LogicalTypeAnnotation.stringType())
            .named("document")
            .optional(PrimitiveTypeName.BINARY)
            .as(LogicalTypeAnnotation.stringType())
            .named("document_title")
            .required(PrimitiveTypeName.BINARY)
            .as(LogicalTypeAnnotation.stringType())
            .named("codebook")
            .required(PrimitiveTypeName.INT64)
            .named("item_id")
            .required(PrimitiveTypeName.BINARY)
            .as(LogicalTypeAnnotation.stringType())
            .named("id")
            .required(PrimitiveTypeName.BINARY)
            .as(LogicalTypeAnnotation.stringType())
            .named("kind")
            .required(PrimitiveTypeName.INT32)
            .named("position")
            .required(PrimitiveTypeName.BOOLEAN)
            .named("heading")
            .optional(PrimitiveTypeName.BINARY)
            .as(LogicalTypeAnnotation.stringType())
            .named("parent")
            .optional(PrimitiveTypeName.BINARY)
            .as(LogicalTypeAnnotation.stringType())
            .named("author")
            .optional(PrimitiveTypeName.INT64)
            .as(micros())
            .named("posted_at")
            .required(PrimitiveTypeName.BINARY)
            .as(LogicalTypeAnnotation.stringType())
            .named("text")
            .optional(PrimitiveTypeName.BINARY)
            .as(LogicalTypeAnnotation.stringType())
            .named("dimension")
            .optional(PrimitiveTypeName.BINARY)
            .as(LogicalTypeAnnotation.stringType())
            .named("target")
            .optional(PrimitiveTypeName.BINARY)
            .as(LogicalTypeAnnotation.stringType())
            .named("value")
            .optional(PrimitiveTypeName.BINARY)
            .as(LogicalTypeAnnotation.stringType())
            .named("source")
            .optional(PrimitiveTypeName.BINARY)
            .as(LogicalTypeAnnotation.stringType())
            .named("annotator")
            .optional(PrimitiveTypeName.BINARY)
            .as(LogicalTypeAnnotation.stringType())
            .named("model_version")
            .optional(PrimitiveTypeName.DOUBLE)
            .named("confidence")
            .optional(PrimitiveTypeName.DOUBLE)
            .named("score")
            .optional(PrimitiveTypeName.BOOLEAN)
            .named("disputed")
            .optional(PrimitiveTypeName.INT32)
            .named("codebook_version")
            .optional(PrimitiveTypeName.INT64)
            .as(micros())
            .named("labelled_at")
            .optional(PrimitiveTypeName.BOOLEAN)
            .named("current")
            .named("counterpoint_label");

    @Inject
    ExportQuery query;

    /** Writes the rows; returns how many rows (item and label pairs) were written. */
    public long write(ExportRequest request, OutputStream out, Progress progress) {
        progress.start("export parquet", -1);
        long[] rows = {0};
        try (ParquetWriter<ExportRow> writer = new Builder(new StreamOutputFile(out))
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withRowGroupSize((long) ROW_GROUP_BYTES)
                .withPageSize(1024 * 1024)
                .build()) {
            query.stream(request, row -> {
                try {
                    writer.write(row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (++rows[0] % 10_000 == 0) {
                    progress.done(rows[0]);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            progress.finish();
        }
        return rows[0];
    }

    private static LogicalTypeAnnotation micros() {
        return LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS);
    }

    private static final class Builder extends ParquetWriter.Builder<ExportRow, Builder> {
        Builder(OutputFile file) {
            super(file);
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<ExportRow> getWriteSupport(Configuration conf) {
            return new RowWriteSupport();
        }
    }

    /** Turns one row into Parquet fields, leaving out the empty optional ones. */
    private static final class RowWriteSupport extends WriteSupport<ExportRow> {
        private RecordConsumer consumer;

        @Override
        public WriteContext init(Configuration configuration) {
            return new WriteContext(SCHEMA, new HashMap<>());
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.consumer = recordConsumer;
        }

        @Override
        public void write(ExportRow row) {
            consumer.startMessage();
            int field = 0;
            string(field++, row.documentKey());
            string(field++, row.title());
            string(field++, row.codebook());
            int64(field++, row.itemId());
            string(field++, row.itemKey());
            string(field++, row.kind());
            int32(field++, row.position());
            bool(field++, row.heading());
            string(field++, row.parent());
            string(field++, row.author());
            timestamp(field++, row.postedAt());
            string(field++, row.text());
            ExportRow.Label label = row.label();
            if (label != null) {
                string(field++, label.dimension());
                string(field++, label.target());
                string(field++, label.value());
                string(field++, label.source());
                string(field++, label.annotator());
                string(field++, label.modelVersion());
                float64(field++, label.confidence());
                float64(field++, label.score());
                bool(field++, label.disputed());
                int32(field++, label.codebookVersion());
                timestamp(field++, label.labelledAt());
                bool(field, label.current());
            }
            consumer.endMessage();
        }

        private void start(int index) {
            consumer.startField(SCHEMA.getFieldName(index), index);
        }

        private void end(int index) {
            consumer.endField(SCHEMA.getFieldName(index), index);
        }

        private void string(int index, String value) {
            if (value != null) {
                start(index);
                consumer.addBinary(Binary.fromString(value));
                end(index);
            }
        }

        private void int64(int index, long value) {
            start(index);
            consumer.addLong(value);
            end(index);
        }

        private void int32(int index, Integer value) {
            if (value != null) {
                start(index);
                consumer.addInteger(value);
                end(index);
            }
        }

        private void float64(int index, Double value) {
            if (value != null) {
                start(index);
                consumer.addDouble(value);
                end(index);
            }
        }

        private void bool(int index, boolean value) {
            start(index);
            consumer.addBoolean(value);
            end(index);
        }

        private void timestamp(int index, OffsetDateTime value) {
            if (value != null) {
                start(index);
                consumer.addLong(ChronoUnit.MICROS.between(java.time.Instant.EPOCH, value.toInstant()));
                end(index);
            }
        }
    }

    /** An output file that is just the response stream: Parquet writes front to back and only asks the position. */
    private static final class StreamOutputFile implements OutputFile {
        private final OutputStream out;

        StreamOutputFile(OutputStream out) {
            this.out = out;
        }

        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return new PositionOutputStream() {
                private long position;

                @Override
                public long getPos() {
                    return position;
                }

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    position++;
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    position += len;
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }

                @Override
                public void close() throws IOException {
                    out.flush();
                }
            };
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            return create(blockSizeHint);
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }
    }
}
