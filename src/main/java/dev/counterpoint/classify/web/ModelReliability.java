package dev.counterpoint.classify.web;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.counterpoint.classify.calibration.Reliability;
import dev.counterpoint.classify.model.ShippedModels;
import dev.counterpoint.classify.text.EncoderSpec;
import dev.counterpoint.classify.training.ModelTrainer;
import dev.counterpoint.labels.ModelVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How well a model version's confidences held, per dimension (stance pooled over targets, sentiment, incivility):
 * for a trained version from its out-of-fold predictions on the people's labels, for the shipped models from
 * their measurement on held-out benchmark data ({@code classify/shipped-reliability.json}, written with them).
 */
final class ModelReliability {

    /** One dimension's reliability bins and expected calibration error; {@code source} says what was measured. */
    public record Dimension(String name, double ece, int count, String source, List<Reliability.Bin> bins) {
        public String eceText() {
            return String.format(java.util.Locale.ROOT, "%.3f", ece);
        }
    }

    static final String SHIPPED = "shipped-reliability.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelReliability() {}

    static List<Dimension> of(ModelVersion model) {
        if (model.isTrained() && model.metrics != null) {
            return trained(model.metrics);
        }
        if ("transfer".equals(model.kind)) {
            return shipped(model.encoder);
        }
        return List.of();
    }

    private static List<Dimension> trained(String metrics) {
        try {
            Map<String, ModelTrainer.TaskReport> reports = JSON.readValue(metrics, new TypeReference<>() {});
            Map<String, Reliability> pooled = new LinkedHashMap<>();
            reports.forEach((task, report) -> {
                if (report.reliability() != null && report.skipped() == null) {
                    String dimension = task.equals("sentiment") || task.equals("incivility") ? task : "stance";
                    pooled.computeIfAbsent(dimension, d -> new Reliability())
                            .addAll(Reliability.of(report.reliability()));
                }
            });
            List<Dimension> out = new ArrayList<>();
            pooled.forEach((name, r) -> out.add(new Dimension(
                    name, r.ece(), r.total(), "out-of-fold predictions on the people's labels", r.bins())));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Dimension> shipped(String encoder) {
        String resource = ShippedModels.folder(
                        encoder == null ? EncoderSpec.bgeSmallEnV15Q().id() : encoder)
                + SHIPPED;
        try (InputStream in = ModelReliability.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return List.of();
            }
            return JSON.readValue(in, new TypeReference<>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
