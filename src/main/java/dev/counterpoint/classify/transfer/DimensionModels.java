package dev.counterpoint.classify.transfer;

import dev.counterpoint.classify.calibration.CalibratedLinear;
import dev.counterpoint.classify.text.IncivilityLexicon;
import dev.counterpoint.classify.text.TextNormalizer;
import dev.counterpoint.classify.text.Vader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The sentiment and incivility models shipped with the build, learnt from public tweet benchmarks (TweetEval
 * sentiment, OffensEval) over the encoder vector plus VADER and the incivility lexicon, with calibrated
 * probabilities. They answer for every codebook until people's labels train its own.
 */
public record DimensionModels(CalibratedLinear sentiment, CalibratedLinear incivility) {

    public static final String FILE = "dimension-models.bin";
    public static final String[] SENTIMENT = {"negative", "neutral", "positive"};
    public static final String[] INCIVILITY = {"civil", "uncivil"};

    private static final int MAGIC = 0x43504447; // "CPDG"
    private static final Vader VADER = Vader.standard();
    private static final IncivilityLexicon LEXICON = IncivilityLexicon.standard();

    /** The vector followed by VADER's compound, positive, negative and neutral shares of the cleaned text. */
    public static double[] sentimentFeatures(String text, float[] vector) {
        Vader.Scores s = VADER.score(TextNormalizer.clean(text));
        return withVector(vector, s.compound(), s.pos(), s.neg(), s.neu());
    }

    /** The vector followed by the lexicon's summed weight, its number of hits and VADER's negative share. */
    public static double[] incivilityFeatures(String text, float[] vector) {
        var hits = LEXICON.hits(text);
        double weight = hits.stream().mapToDouble(IncivilityLexicon.Hit::weight).sum();
        Vader.Scores s = VADER.score(TextNormalizer.clean(text));
        return withVector(vector, weight, Math.log1p(hits.size()), s.neg(), s.compound());
    }

    private static double[] withVector(float[] vector, double... extras) {
        double[] f = new double[vector.length + extras.length];
        for (int i = 0; i < vector.length; i++) {
            f[i] = vector[i];
        }
        System.arraycopy(extras, 0, f, vector.length, extras.length);
        return f;
    }

    public byte[] toBytes() {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            sentiment.write(out);
            incivility.write(out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DimensionModels fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalStateException("not Counterpoint's sentiment and incivility models");
            }
            return new DimensionModels(CalibratedLinear.read(in), CalibratedLinear.read(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The models shipped inside the build in the given resource folder (one per encoder, see ShippedModels). */
    public static DimensionModels bundled(String folder) {
        String resource = folder + FILE;
        try (InputStream in = DimensionModels.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the build lacks " + resource + "; run scripts/train-transfer.sh");
            }
            return fromBytes(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
