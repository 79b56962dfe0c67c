package dev.counterpoint.classify.eval;

import dev.counterpoint.classify.model.TargetSpec;
import dev.counterpoint.codebook.CodebookFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The labelled stance benchmarks the transfer model learns from (TweetEval stance, RUW), as (text, target, gold)
 * rows, each target with the codebook entry written for it ({@code src/main/resources/eval/}).
 */
final class StanceBenchmarks {

    /** One labelled (text, target) pair; {@code codebook} names the benchmark's codebook. */
    record Row(String codebook, String split, String target, String text, String gold) {}

    private StanceBenchmarks() {}

    static List<Row> load(Path evalDir, String split) {
        List<Row> rows = new ArrayList<>();
        add(
                rows,
                BenchmarkConverter.Format.TWEETEVAL_STANCE,
                evalDir.resolve("tweeteval-stance/" + split + ".tsv"),
                "tweeteval-stance",
                split);
        add(rows, BenchmarkConverter.Format.RUW, evalDir.resolve("ruw/" + split + ".csv"), "ruw", split);
        return rows;
    }

    private static void add(
            List<Row> rows, BenchmarkConverter.Format format, Path file, String codebook, String split) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, Map<String, String>> row : BenchmarkConverter.rows(format, reader)) {
                row.getValue()
                        .forEach((target, gold) -> rows.add(new Row(codebook, split, target, row.getKey(), gold)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The bundled codebook of a benchmark, as target specs. */
    static List<TargetSpec> targets(String codebook) {
        try (InputStream in =
                StanceBenchmarks.class.getClassLoader().getResourceAsStream("eval/" + codebook + ".yaml")) {
            CodebookFile file = CodebookFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), codebook);
            return file.targets().stream()
                    .map(t -> new TargetSpec(
                            t.slug(),
                            t.name(),
                            t.description(),
                            t.aliases() == null ? List.of() : List.copyOf(t.aliases()),
                            List.copyOf(t.favorExamples()),
                            List.copyOf(t.againstExamples()),
                            t.opponents() == null ? List.of() : List.copyOf(t.opponents())))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
