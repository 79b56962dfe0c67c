package dev.counterpoint.classify.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.counterpoint.imports.JsonlRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Turns the public benchmarks' files (TweetEval stance, sentiment and offensive TSV; RUW CSV) into Counterpoint
 * JSONL, so they go through the product's own import, training and classification path.
 */
public final class BenchmarkConverter {

    public enum Format {
        TWEETEVAL_STANCE("tweeteval-stance", "tweeteval-stance", "semeval-2016-task-6"),
        RUW("ruw", "ruw", "ruw"),
        TWEETEVAL_SENTIMENT("tweeteval-sentiment", "default", "semeval-2017-task-4"),
        TWEETEVAL_OFFENSIVE("tweeteval-offensive", "default", "offenseval-2019");

        final String name;
        final String codebook;
        final String annotator;

        Format(String name, String codebook, String annotator) {
            this.name = name;
            this.codebook = codebook;
            this.annotator = annotator;
        }

        public static Format named(String name) {
            for (Format format : values()) {
                if (format.name.equals(name)) {
                    return format;
                }
            }
            throw new IllegalArgumentException("unknown benchmark format '" + name
                    + "' (tweeteval-stance, ruw, tweeteval-sentiment, tweeteval-offensive)");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchmarkConverter() {}

    /** Converts {@code input} and returns how many items were written. */
    public static int convert(Format format, Path input, Path output) throws IOException {
        String document = format.name + "-" + stem(input);
        try (Reader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8);
                Writer writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            write(
                    writer,
                    new JsonlRecord(
                            document,
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
                            document,
                            null,
                            null,
                            null,
                            "Benchmark data: evaluation only, not for shipping.",
                            format.codebook));
            List<Map.Entry<String, Map<String, String>>> rows = rows(format, reader);
            int n = 0;
            for (Map.Entry<String, Map<String, String>> row : rows) {
                n++;
                write(
                        writer,
                        new JsonlRecord(
                                "t" + n,
                                document,
                                "comment",
                                null,
                                null,
                                row.getKey(),
                                null,
                                null,
                                null,
                                row.getValue(),
                                format.annotator,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null));
            }
            return n;
        }
    }

    /** The rows of a benchmark file: each text with its labels (target slug or dimension to value). */
    public static List<Map.Entry<String, Map<String, String>>> rows(Format format, Reader reader) throws IOException {
        return switch (format) {
            case TWEETEVAL_STANCE -> tweetEvalStance(reader);
            case RUW -> ruw(reader);
            case TWEETEVAL_SENTIMENT -> labelAndText(reader, "sentiment", Map.of());
            case TWEETEVAL_OFFENSIVE ->
                labelAndText(reader, "incivility", Map.of("offensive", "uncivil", "not-offensive", "civil"));
        };
    }

    private static List<Map.Entry<String, Map<String, String>>> tweetEvalStance(Reader reader) throws IOException {
        return tsv(reader).stream()
                .map(r -> Map.entry(
                        r.get("text"), Map.of(r.get("target"), r.get("label").toLowerCase(Locale.ROOT))))
                .toList();
    }

    private static List<Map.Entry<String, Map<String, String>>> ruw(Reader reader) throws IOException {
        CSVFormat csv = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        return csv.parse(reader).stream()
                .map(r -> {
                    Map<String, String> labels = new LinkedHashMap<>();
                    labels.put(slug(r.get("Target 1")), r.get("Stance 1").toLowerCase(Locale.ROOT));
                    labels.put(slug(r.get("Target 2")), r.get("Stance 2").toLowerCase(Locale.ROOT));
                    return Map.entry(r.get("Tweet"), labels);
                })
                .toList();
    }

    private static List<Map.Entry<String, Map<String, String>>> labelAndText(
            Reader reader, String key, Map<String, String> rename) throws IOException {
        return tsv(reader).stream()
                .map(r -> Map.entry(r.get("text"), Map.of(key, rename.getOrDefault(r.get("label"), r.get("label")))))
                .toList();
    }

    /** Tab-separated with a header; tweets are not quoted, so quotes are plain characters. */
    private static List<CSVRecord> tsv(Reader reader) throws IOException {
        CSVFormat tsv = CSVFormat.TDF
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setQuote(null)
                .setIgnoreSurroundingSpaces(false)
                .setTrim(false)
                .get();
        return tsv.parse(new BufferedReader(reader)).getRecords();
    }

    private static String slug(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static void write(Writer writer, JsonlRecord record) throws IOException {
        writer.write(JSON.writeValueAsString(record));
        writer.write('\n');
    }
}
