package dev.counterpoint.classify.training;

import dev.counterpoint.classify.model.ModelBundle;
import dev.counterpoint.classify.text.LinearModel;
import dev.counterpoint.classify.text.NgramVectorizer;
import dev.counterpoint.classify.text.Objective;
import dev.counterpoint.classify.text.TextClassifier;
import java.util.List;

/**
 * How one kind of task is trained from people's labels: the ensemble, whether it reads the text's vector, and its
 * extra features — for stance and incivility the shipped model's calibrated log-probabilities, so that a trained
 * model starts from what the shipped one knows. The settings were chosen by cross-validation on public benchmarks'
 * training splits (README, "Classifier quality"); the trainer keeps whichever candidate cross-validates best on
 * the labels at hand, the shipped model alone included.
 */
public record TrainingRecipe(
        String name,
        String[] labels,
        TextClassifier.Config config,
        ModelBundle.Extras extras,
        boolean readsVector,
        Objective objective) {

    static final String[] STANCE = {"favor", "against", "none"};
    static final String[] SENTIMENT = {"negative", "neutral", "positive"};
    static final String[] INCIVILITY = {"civil", "uncivil"};

    /** Below this many labels only the cheap dense candidates are tried. */
    static final int FEW_LABELS = 300;
    /** From this many labels on the n-gram models compete with the vector alone (the re-weighting no longer does). */
    static final int MANY_LABELS = 1000;

    private static NgramVectorizer.Config ngrams(int wordMax, int charMin, int charMax) {
        return new NgramVectorizer.Config(wordMax == 0 ? 0 : 1, wordMax, charMin, charMax, 2, true, 1f);
    }

    private static TextClassifier.Member member(TextClassifier.View view, double c, double weight) {
        return new TextClassifier.Member(view, LinearModel.Params.lr(c), weight);
    }

    private static TextClassifier.Config dense(double c, double extraScale) {
        return new TextClassifier.Config(
                null, List.of(member(TextClassifier.View.DENSE, c, 1)), 1.0, extraScale, null, 0);
    }

    /** The shipped model's log-probabilities re-weighted on the people's labels (3 features: cheap, hard to overfit). */
    static TrainingRecipe stanceReweighted() {
        return new TrainingRecipe(
                "transfer re-weighted", STANCE, dense(1, 1), ModelBundle.Extras.TRANSFER_PRIOR, false, Objective.F_AVG);
    }

    /** The vector with the shipped model's log-probabilities. */
    static TrainingRecipe stanceVectorPrior() {
        return new TrainingRecipe(
                "vector+transfer", STANCE, dense(3, 0.3), ModelBundle.Extras.TRANSFER_PRIOR, true, Objective.F_AVG);
    }

    /** TweetEval stance: vector (with the prior) twice the weight of a char 2-5-gram model. */
    static TrainingRecipe stanceNgrams() {
        return new TrainingRecipe(
                "vector+transfer+char-ngrams",
                STANCE,
                new TextClassifier.Config(
                        ngrams(0, 2, 5),
                        List.of(member(TextClassifier.View.DENSE, 3, 2), member(TextClassifier.View.NGRAMS, 10, 1)),
                        1.0,
                        0.3,
                        null,
                        0),
                ModelBundle.Extras.TRANSFER_PRIOR,
                true,
                Objective.F_AVG);
    }

    /** RUW: word 1-3 and char 2-5-gram model twice the weight of the vector (with the prior). */
    static TrainingRecipe stanceWordNgrams() {
        return new TrainingRecipe(
                "ngrams+vector+transfer",
                STANCE,
                new TextClassifier.Config(
                        ngrams(3, 2, 5),
                        List.of(member(TextClassifier.View.DENSE, 3, 1), member(TextClassifier.View.NGRAMS, 3, 2)),
                        1.0,
                        0.3,
                        null,
                        0),
                ModelBundle.Extras.TRANSFER_PRIOR,
                true,
                Objective.F_AVG);
    }

    static TrainingRecipe sentiment() {
        return new TrainingRecipe(
                "vector+VADER", SENTIMENT, dense(3, 3), ModelBundle.Extras.VADER, true, Objective.MACRO_RECALL);
    }

    static TrainingRecipe incivility() {
        return new TrainingRecipe(
                "vector+shipped model+ngrams",
                INCIVILITY,
                new TextClassifier.Config(
                        NgramVectorizer.Config.defaults(),
                        List.of(member(TextClassifier.View.DENSE, 3, 1), member(TextClassifier.View.NGRAMS, 3, 1)),
                        1.0,
                        0.3,
                        null,
                        0),
                ModelBundle.Extras.TRANSFER_PRIOR,
                true,
                Objective.MACRO_F1);
    }

    /** The trained candidates for a task with this many labels (the shipped model alone always competes too). */
    static List<TrainingRecipe> candidates(String task, int labels) {
        return switch (task) {
            case "sentiment" -> List.of(sentiment());
            case "incivility" -> List.of(incivility());
            default ->
                labels < FEW_LABELS
                        ? List.of(stanceReweighted(), stanceVectorPrior())
                        : labels < MANY_LABELS
                                ? List.of(stanceReweighted(), stanceVectorPrior(), stanceNgrams())
                                : List.of(stanceVectorPrior(), stanceNgrams(), stanceWordNgrams());
        };
    }
}
