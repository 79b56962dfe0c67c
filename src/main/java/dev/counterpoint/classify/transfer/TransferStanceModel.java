package dev.counterpoint.classify.transfer;

import dev.counterpoint.classify.calibration.CalibratedLinear;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The target-conditioned stance model learnt once from public benchmarks and applied to any codebook target: a
 * {@link CalibratedLinear} over {@link StanceFeatures}, its decision offsets chosen for F_avg and its calibration
 * fitted on predictions for targets it was not trained on. Classes in the order of {@link #LABELS}.
 */
public record TransferStanceModel(StanceFeatures.Layout layout, CalibratedLinear model) {

    public static final String[] LABELS = {"favor", "against", "none"};
    public static final String FILE = "transfer-stance.bin";

    private static final int MAGIC = 0x43505453; // "CPTS"

    public byte[] toBytes() {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeByte(layout.code());
            model.write(out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TransferStanceModel fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalStateException("not a Counterpoint transfer stance model");
            }
            StanceFeatures.Layout layout = StanceFeatures.Layout.of(in.readByte());
            return new TransferStanceModel(layout, CalibratedLinear.read(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The model shipped inside the build in the given resource folder (one per encoder, see ShippedModels). */
    public static TransferStanceModel bundled(String folder) {
        String resource = folder + FILE;
        try (InputStream in = TransferStanceModel.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the build lacks " + resource + "; run scripts/train-transfer.sh");
            }
            return fromBytes(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
