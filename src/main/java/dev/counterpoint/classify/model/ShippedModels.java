package dev.counterpoint.classify.model;

import dev.counterpoint.classify.text.EncoderSpec;
import dev.counterpoint.classify.text.TextEncoder;
import dev.counterpoint.classify.transfer.DimensionModels;
import dev.counterpoint.classify.transfer.TransferStanceModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The models shipped inside the build (transfer stance, sentiment, incivility), loaded once per encoder: they read
 * encoder vectors, so each encoder has its own, trained the same way (scripts/train-transfer.sh) and kept in its
 * own resource folder.
 */
public final class ShippedModels {

    private record Loaded(TransferStanceModel stance, DimensionModels dimensions) {}

    private static final Map<String, Loaded> LOADED = new ConcurrentHashMap<>();
    private static final Map<String, String> FINGERPRINTS = new ConcurrentHashMap<>();

    private ShippedModels() {}

    public static TransferClassifier classifier(List<TargetSpec> targets, TextEncoder encoder) {
        String folder = folder(encoder.id());
        Loaded models = LOADED.computeIfAbsent(
                folder, f -> new Loaded(TransferStanceModel.bundled(f), DimensionModels.bundled(f)));
        return new TransferClassifier(targets, encoder, models.stance(), models.dimensions());
    }

    /**
     * The resource folder of the models learnt on an encoder's vectors: bge-small's at the top of classify/ (it was
     * first and is the default), every other encoder's in a folder named after it, e.g. classify/all-minilm-l6-v2-q/.
     */
    public static String folder(String encoderId) {
        if (encoderId.equals(EncoderSpec.bgeSmallEnV15Q().id())) {
            return "classify/";
        }
        return "classify/"
                + encoderId.substring(0, encoderId.indexOf('/') < 0 ? encoderId.length() : encoderId.indexOf('/'))
                + "/";
    }

    /** The first 8 hex digits of the SHA-256 of the shipped parameter files for this encoder. */
    public static String fingerprint(String encoderId) {
        return FINGERPRINTS.computeIfAbsent(folder(encoderId), ShippedModels::digest);
    }

    private static String digest(String folder) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String file : List.of(TransferStanceModel.FILE, DimensionModels.FILE)) {
                try (InputStream in = ShippedModels.class.getClassLoader().getResourceAsStream(folder + file)) {
                    if (in == null) {
                        throw new IllegalStateException(
                                "the build lacks " + folder + file + "; run scripts/train-transfer.sh");
                    }
                    sha.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
