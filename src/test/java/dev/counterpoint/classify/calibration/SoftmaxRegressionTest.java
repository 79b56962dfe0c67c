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
class SoftmaxRegressionTest {

    @Test
    void it_recovers_a_linear_rule_between_three_classes_and_survives_serialisation() throws IOException {
        Random random = new Random(5);
        int n = 2000;
        double[][] x = new double[n][2];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = random.nextGaussian();
            x[i][1] = random.nextGaussian();
            y[i] = x[i][0] > 0.5 ? 0 : x[i][1] > 0 ? 1 : 2;
        }
        SoftmaxRegression model = SoftmaxRegression.fit(x, y, 3, 1e-4, true, 300);
        int right = 0;
        for (int i = 0; i < n; i++) {
            double[] p = model.distribution(x[i]);
            int best = p[0] >= p[1] && p[0] >= p[2] ? 0 : p[1] >= p[2] ? 1 : 2;
            right += best == y[i] ? 1 : 0;
        }
        assertTrue(right > 0.95 * n, "right on " + right + " of " + n);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.write(new DataOutputStream(bytes));
        SoftmaxRegression read =
                SoftmaxRegression.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertArrayEquals(model.distribution(x[0]), read.distribution(x[0]), 1e-5);
        assertEquals(3, read.classes());
    }
}
