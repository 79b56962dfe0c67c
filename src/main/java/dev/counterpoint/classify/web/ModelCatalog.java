package dev.counterpoint.classify.web;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.counterpoint.classify.model.ModelRegistry;
import dev.counterpoint.classify.training.ModelTrainer;
import dev.counterpoint.codebook.Codebook;
import dev.counterpoint.labels.ModelVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Model versions and the scores they earned, for the models page, the API and the command line. */
@ApplicationScoped
@Transactional
public class ModelCatalog {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record TaskScore(
            String task,
            int labels,
            String perValue,
            String recipe,
            String cvFavg,
            String cvMacroF1,
            String cvMacroRecall,
            String skipped) {}

    public record ModelView(
            long id,
            String name,
            String kind,
            String codebook,
            int codebookVersion,
            String encoder,
            String createdBy,
            Instant createdAt,
            boolean current,
            List<TaskScore> scores) {}

    public record CodebookModels(String slug, String name, List<ModelView> models) {}

    public List<CodebookModels> all(ModelRegistry registry) {
        List<CodebookModels> result = new ArrayList<>();
        for (Codebook codebook : Codebook.<Codebook>list("order by slug")) {
            ModelVersion current = registry.current(codebook);
            List<ModelView> views = ModelVersion.<ModelVersion>list(
                            "codebookVersion.codebook = ?1 order by createdAt desc, id desc", codebook)
                    .stream()
                    .map(m -> view(m, m.id.equals(current.id)))
                    .toList();
            result.add(new CodebookModels(codebook.slug, codebook.name, views));
        }
        return result;
    }

    public String describe(String modelName) {
        ModelVersion model = ModelVersion.findByName(modelName).orElseThrow();
        StringBuilder out = new StringBuilder();
        for (TaskScore score : view(model, false).scores()) {
            out.append(String.format(
                    Locale.ROOT,
                    "  %-24s %5d labels  %s%s%n",
                    score.task(),
                    score.labels(),
                    score.recipe() == null ? "" : "[" + score.recipe() + "]  ",
                    score.skipped() != null
                            ? score.skipped()
                            : (score.cvFavg() == null ? "" : "F_avg " + score.cvFavg() + "  ") + "macro-F1 "
                                    + score.cvMacroF1() + "  macro-recall " + score.cvMacroRecall()));
        }
        return out.toString();
    }

    static ModelView view(ModelVersion model, boolean current) {
        return new ModelView(
                model.id,
                model.name,
                model.kind,
                model.codebookVersion.codebook.slug,
                model.codebookVersion.version,
                model.encoder,
                model.createdBy,
                model.createdAt,
                current,
                scores(model));
    }

    private static List<TaskScore> scores(ModelVersion model) {
        if (model.metrics == null) {
            return List.of();
        }
        try {
            Map<String, ModelTrainer.TaskReport> reports = JSON.readValue(model.metrics, new TypeReference<>() {});
            return reports.entrySet().stream()
                    .map(e -> {
                        ModelTrainer.TaskReport r = e.getValue();
                        return new TaskScore(
                                e.getKey(),
                                r.labels(),
                                String.valueOf(r.perValue()),
                                r.recipe(),
                                percent(r.cvFavg()),
                                percent(r.cvMacroF1()),
                                percent(r.cvMacroRecall()),
                                r.skipped());
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String percent(Double value) {
        return value == null ? null : String.format(Locale.ROOT, "%.1f", 100 * value);
    }
}
