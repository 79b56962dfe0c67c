package dev.counterpoint.classify.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.counterpoint.classify.calibration.CalibratedLinear;
import dev.counterpoint.classify.calibration.Calibration;
import dev.counterpoint.classify.model.TargetSpec;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StanceFeaturesTest {

    private static final TargetSpec TAXES = new TargetSpec(
            "taxes",
            "Taxes",
            "Raising taxes.",
            List.of("tax*"),
            List.of("Raise taxes.", "Tax the rich."),
            List.of("Cut taxes.", "Taxes are theft."),
            List.of());

    private static float[] unit(double... v) {
        float[] out = new float[v.length];
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / Math.sqrt(norm));
        }
        return out;
    }

    /** Description on axis 0; favor examples lean to axis 1, against examples to axis 2. */
    private static TargetEncoding taxes() {
        return TargetEncoding.of(TAXES, new float[][] {
            unit(1, 0, 0, 0), unit(1, 1, 0, 0), unit(1, 1, 0.1, 0), unit(1, 0, 1, 0), unit(1, 0.1, 1, 0)
        });
    }

    @Test
    void lean_is_plus_one_at_the_favor_examples_and_minus_one_at_the_against_examples() {
        TargetEncoding t = taxes();
        float[] favorMean = unit(1, 1, 0.05, 0);
        float[] againstMean = unit(1, 0.05, 1, 0);
        assertEquals(1, StanceFeatures.lean(favorMean, t), 0.1);
        assertEquals(-1, StanceFeatures.lean(againstMean, t), 0.1);
        assertEquals(0, StanceFeatures.lean(unit(0, 0, 0, 1), t), 0.35);
    }

    @Test
    void the_on_topic_anchor_is_the_examples_mean_similarity_to_the_description() {
        TargetEncoding t = taxes();
        assertEquals((2 * 0.7071 + 0.7053 * 2) / 4, t.onTopic(), 0.01);
    }

    @Test
    void features_mark_a_mention_its_directed_sentiment_and_the_opponents_lean() {
        TargetEncoding t = taxes();
        TargetEncoding opponent = taxes();
        float[] v = unit(1, 1, 0, 0);
        double[] mentioned =
                StanceFeatures.of("Higher taxes are great!", v, 0.6, t, List.of(opponent), new double[4], layout());
        double[] silent = StanceFeatures.of("Nothing here.", v, 0, t, List.of(), new double[4], layout());
        assertEquals(StanceFeatures.SCALARS, mentioned.length);
        assertEquals(1, mentioned[0]);
        assertEquals(0, silent[0]);
        assertTrue(mentioned[10] > 0.3, "sentiment of the sentence naming the target");
        assertTrue(mentioned[13] < -0.5, "leaning toward the target is leaning against its opponent");
        assertEquals(0, silent[13]);
    }

    @Test
    void standardising_over_a_corpus_centres_the_relevance() {
        TargetEncoding t = taxes();
        float[][] corpus = new float[60][];
        for (int i = 0; i < corpus.length; i++) {
            corpus[i] = unit(0.2 + 0.01 * i, 1, 1, 1);
        }
        TargetEncoding normalised = t.normalisedOver(corpus, new float[0][]);
        double mean = 0;
        for (float[] v : corpus) {
            mean += StanceFeatures.of("x", v, 0, normalised, List.of(), new double[4], layout())[15] / corpus.length;
        }
        assertEquals(0, mean, 1e-6);
    }

    @Test
    void the_transfer_model_survives_serialisation() {
        double[][] rows = {{1, 0}, {0, 1}, {-1, -1}, {1, 0.1}, {0.1, 1}, {-1, -0.9}};
        int[] gold = {0, 1, 2, 0, 1, 2};
        CalibratedLinear fitted = CalibratedLinear.fit(TransferStanceModel.LABELS, rows, gold, 0.01)
                .with(new double[] {0, 0.2, -0.1}, new Calibration(0.8, new double[] {0, 0.1, 0}));
        TransferStanceModel model = new TransferStanceModel(layout(), fitted);
        TransferStanceModel read = TransferStanceModel.fromBytes(model.toBytes());
        double[] p = read.model().distribution(rows[1]);
        assertEquals(fitted.distribution(rows[1])[1], p[1], 1e-6);
        assertEquals(fitted.decide(p), read.model().decide(p));
        assertEquals(fitted.calibrated(p)[1], read.model().calibrated(p)[1], 1e-6);
        assertEquals(layout(), read.layout());
    }

    private static StanceFeatures.Layout layout() {
        return new StanceFeatures.Layout(false, false, false);
    }
}
