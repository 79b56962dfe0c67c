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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Model versions and the scores they earned, for the models page, the API and the command line. */
@ApplicationScoped
@Transactional
public class ModelCatalog {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One task's cross-validated scores; {@code previous} is the same score of the codebook's previous trained
     * version and {@code shipped} the shipped model's on the same labels.
     */
    public record TaskScore(
            String task,
            int labels,
            String perValue,
            String recipe,
            String path,
            String cvFavg,
            String cvMacroF1,
            String cvMacroRecall,
            String headline,
            String previous,
            String shipped,
            String ece,
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
            String previousName,
            List<TaskScore> scores,
            List<ModelReliability.Dimension> reliability,
            List<ModelErrors.ErrorView> errors) {}

    public record CodebookModels(String slug, String name, List<ModelView> models) {}

    public List<CodebookModels> all(ModelRegistry registry) {
        List<CodebookModels> result = new ArrayList<>();
        for (Codebook codebook : Codebook.<Codebook>list("order by slug")) {
            ModelVersion current = registry.current(codebook);
            List<ModelVersion> versions =
                    ModelVersion.list("codebookVersion.codebook = ?1 order by createdAt desc, id desc", codebook);
            List<ModelView> views = new ArrayList<>();
            for (int i = 0; i < versions.size(); i++) {
                ModelVersion model = versions.get(i);
                ModelVersion previous = null;
                for (int j = i + 1; j < versions.size() && model.isTrained(); j++) {
                    if (versions.get(j).isTrained()) {
                        previous = versions.get(j);
                        break;
                    }
                }
                boolean isCurrent = model.id.equals(current.id);
                views.add(view(model, isCurrent, previous, isCurrent));
            }
            result.add(new CodebookModels(codebook.slug, codebook.name, views));
        }
        return result;
    }

    public String describe(String modelName) {
        ModelVersion model = ModelVersion.findByName(modelName).orElseThrow();
        StringBuilder out = new StringBuilder();
        for (TaskScore score : view(model, false, null, false).scores()) {
            out.append(String.format(
                    Locale.ROOT,
                    "  %-24s %5d labels  %s%s%n",
                    score.task(),
                    score.labels(),
                    score.recipe() == null ? "" : "[" + score.path() + ": " + score.recipe() + "]  ",
                    score.skipped() != null
                            ? score.skipped()
                            : (score.cvFavg() == null ? "" : "F_avg " + score.cvFavg() + "  ") + "macro-F1 "
                                    + score.cvMacroF1() + "  macro-recall " + score.cvMacroRecall()
                                    + "  (shipped model alone: " + score.shipped() + ")  ECE " + score.ece()));
        }
        return out.toString();
    }

    static ModelView view(ModelVersion model, boolean current, ModelVersion previous, boolean withErrors) {
        Map<String, ModelTrainer.TaskReport> reports = reports(model);
        Map<String, ModelTrainer.TaskReport> before = previous == null ? Map.of() : reports(previous);
        List<TaskScore> scores = new ArrayList<>();
        reports.forEach((task, r) -> scores.add(score(task, r, before.get(task))));
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
                previous == null ? null : previous.name,
                scores,
                ModelReliability.of(model),
                withErrors ? ModelErrors.of(reports) : List.of());
    }

    private static TaskScore score(String task, ModelTrainer.TaskReport r, ModelTrainer.TaskReport previous) {
        boolean stance = r.cvFavg() != null || r.shippedFavg() != null;
        return new TaskScore(
                task,
                r.labels(),
                String.valueOf(r.perValue()),
                r.recipe(),
                r.path() == null ? "trained" : r.path(),
                percent(r.cvFavg()),
                percent(r.cvMacroF1()),
                percent(r.cvMacroRecall()),
                percent(headline(task, stance, r.cvFavg(), r.cvMacroF1(), r.cvMacroRecall())),
                previous == null
                        ? null
                        : percent(headline(
                                task, stance, previous.cvFavg(), previous.cvMacroF1(), previous.cvMacroRecall())),
                percent(headline(task, stance, r.shippedFavg(), r.shippedMacroF1(), r.shippedMacroRecall())),
                r.ece() == null ? null : String.format(Locale.ROOT, "%.3f", r.ece()),
                r.skipped());
    }

    /** The score each task is judged by: F_avg for stance, macro-recall for sentiment, macro-F1 for incivility. */
    private static Double headline(String task, boolean stance, Double fAvg, Double macroF1, Double macroRecall) {
        if (stance) {
            return fAvg;
        }
        return task.equals("sentiment") ? macroRecall : macroF1;
    }

    static Map<String, ModelTrainer.TaskReport> reports(ModelVersion model) {
        if (model.metrics == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(
                    model.metrics, new TypeReference<LinkedHashMap<String, ModelTrainer.TaskReport>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String percent(Double value) {
        return value == null ? null : String.format(Locale.ROOT, "%.1f", 100 * value);
    }
}
