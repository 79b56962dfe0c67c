package dev.counterpoint.classify.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CalibrationTest {

    /** Distributions whose true probabilities are softmax(trueScale · log p + trueOffsets), and labels drawn from them. */
    private static Object[] synthetic(double trueScale, double[] trueOffsets, int n, long seed) {
        Random random = new Random(seed);
        Calibration truth = new Calibration(trueScale, trueOffsets);
        double[][] p = new double[n][];
        int[] gold = new int[n];
        for (int i = 0; i < n; i++) {
            double[] raw = new double[3];
            double sum = 0;
            for (int c = 0; c < 3; c++) {
                raw[c] = Math.exp(1.5 * random.nextGaussian());
                sum += raw[c];
            }
            for (int c = 0; c < 3; c++) {
                raw[c] /= sum;
            }
            p[i] = raw;
            double[] q = truth.apply(raw);
            double u = random.nextDouble();
            gold[i] = u < q[0] ? 0 : u < q[0] + q[1] ? 1 : 2;
        }
        return new Object[] {p, gold};
    }

    @Test
    void an_underconfident_model_gets_a_scale_above_one_close_to_the_true_one() {
        Object[] data = synthetic(2.0, new double[3], 20000, 1);
        Calibration fitted = Calibration.fit((double[][]) data[0], (int[]) data[1]);
        assertEquals(2.0, fitted.scale(), 0.15);
        assertEquals(0, fitted.offsets()[1], 0.1);
        assertEquals(0, fitted.offsets()[2], 0.1);
    }

    @Test
    void an_overconfident_model_with_a_shifted_class_gets_both_corrected() {
        Object[] data = synthetic(0.5, new double[] {0, 0.8, -0.5}, 20000, 2);
        Calibration fitted = Calibration.fit((double[][]) data[0], (int[]) data[1]);
        assertEquals(0.5, fitted.scale(), 0.08);
        assertEquals(0.8, fitted.offsets()[1], 0.12);
        assertEquals(-0.5, fitted.offsets()[2], 0.12);
    }

    @Test
    void calibrating_lowers_the_expected_calibration_error_on_fresh_data() {
        Object[] fit = synthetic(0.4, new double[3], 10000, 3);
        Object[] fresh = synthetic(0.4, new double[3], 10000, 4);
        Calibration fitted = Calibration.fit((double[][]) fit[0], (int[]) fit[1]);
        Reliability before = reliability((double[][]) fresh[0], (int[]) fresh[1], Calibration.identity(3));
        Reliability after = reliability((double[][]) fresh[0], (int[]) fresh[1], fitted);
        assertTrue(before.ece() > 0.1, "the raw model is overconfident: " + before.ece());
        assertTrue(after.ece() < 0.03, "calibrated: " + after.ece());
    }

    @Test
    void too_few_held_out_predictions_leave_the_probabilities_unchanged() {
        Calibration fitted = Calibration.fit(new double[][] {{0.7, 0.2, 0.1}}, new int[] {0});
        assertArrayEquals(new double[] {0.7, 0.2, 0.1}, fitted.apply(new double[] {0.7, 0.2, 0.1}), 1e-9);
    }

    @Test
    void a_calibration_survives_being_written_and_read() throws IOException {
        Calibration calibration = new Calibration(0.7, new double[] {0, 0.3, -0.2});
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        calibration.write(new DataOutputStream(bytes));
        Calibration read = Calibration.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertArrayEquals(calibration.apply(new double[] {0.5, 0.3, 0.2}), read.apply(new double[] {0.5, 0.3, 0.2}));
    }

    private static Reliability reliability(double[][] p, int[] gold, Calibration calibration) {
        Reliability r = new Reliability();
        for (int i = 0; i < p.length; i++) {
            double[] q = calibration.apply(p[i]);
            int chosen = 0;
            for (int c = 1; c < q.length; c++) {
                chosen = q[c] > q[chosen] ? c : chosen;
            }
            r.add(q[chosen], chosen == gold[i]);
        }
        return r;
    }
}
