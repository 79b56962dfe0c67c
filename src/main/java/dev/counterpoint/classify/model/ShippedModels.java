package dev.counterpoint.classify.model;

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

/** The models shipped inside the build (transfer stance, sentiment, incivility), loaded once. */
public final class ShippedModels {

    private static volatile TransferStanceModel stance;
    private static volatile DimensionModels dimensions;
    private static volatile String fingerprint;

    private ShippedModels() {}

    public static TransferClassifier classifier(List<TargetSpec> targets, TextEncoder encoder) {
        if (stance == null) {
            stance = TransferStanceModel.bundled();
            dimensions = DimensionModels.bundled();
        }
        return new TransferClassifier(targets, encoder, stance, dimensions);
    }

    /** The first 8 hex digits of the SHA-256 of the shipped parameter files. */
    public static String fingerprint() {
        if (fingerprint == null) {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                for (String resource : List.of(TransferStanceModel.RESOURCE, DimensionModels.RESOURCE)) {
                    try (InputStream in = ShippedModels.class.getClassLoader().getResourceAsStream(resource)) {
                        if (in == null) {
                            throw new IllegalStateException("the build lacks " + resource);
                        }
                        sha.update(in.readAllBytes());
                    }
                }
                fingerprint = HexFormat.of().formatHex(sha.digest()).substring(0, 8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return fingerprint;
    }
}
