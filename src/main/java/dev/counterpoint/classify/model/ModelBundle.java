package dev.counterpoint.classify.model;

import dev.counterpoint.classify.calibration.Calibration;
import dev.counterpoint.classify.text.TextClassifier;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The trained part of a model version, stored in {@code model_version.artifact}: per task (a target's stance,
 * "sentiment", "incivility") that had enough people's labels, the path cross-validation chose — a classifier
 * trained on them (reading the shipped model's calibrated log-probabilities when {@link Extras#TRANSFER_PRIOR}), or
 * the shipped model alone — and the calibration of its probabilities. Tasks without one fall back to the shipped
 * models.
 */
public record ModelBundle(Map<String, Task> tasks) {

    /** Extra features a task's classifier reads besides the text and its vector. */
    public enum Extras {
        NONE,
        /** VADER scores of the text. */
        VADER,
        /** The zero-shot codebook signals of the task's own target (model versions trained before transfer). */
        CODEBOOK_PRIOR,
        /** The shipped model's calibrated log-probabilities for the task (stance: favor, against, none). */
        TRANSFER_PRIOR
    }

    /** Which path labels a task: the shipped model alone, or a classifier trained on people's labels. */
    public enum Path {
        TRANSFER("transfer"),
        TRAINED("trained"),
        TRAINED_WITH_TRANSFER("trained+transfer");

        public final String label;

        Path(String label) {
            this.label = label;
        }
    }

    /** {@code model} is null on the transfer path; {@code calibration} maps its distribution to probabilities. */
    public record Task(TextClassifier model, Extras extras, Calibration calibration, Path path) {
        public Task(TextClassifier model, Extras extras) {
            this(model, extras, Calibration.identity(model.labels().length), Path.TRAINED);
        }
    }

    private static final int MAGIC_V1 = 0x43504d42; // "CPMB"
    private static final int MAGIC = 0x43504d32; // "CPM2"

    public byte[] toBytes() {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(tasks.size());
            for (Map.Entry<String, Task> task : tasks.entrySet()) {
                out.writeUTF(task.getKey());
                out.writeUTF(task.getValue().path().name());
                out.writeUTF(task.getValue().extras().name());
                task.getValue().calibration().write(out);
                byte[] model = task.getValue().model() == null
                        ? new byte[0]
                        : task.getValue().model().toBytes();
                out.writeInt(model.length);
                out.write(model);
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ModelBundle fromBytes(byte[] artifact) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(artifact))) {
            int magic = in.readInt();
            if (magic != MAGIC && magic != MAGIC_V1) {
                throw new IllegalStateException("the stored model is not a Counterpoint model bundle");
            }
            int count = in.readInt();
            Map<String, Task> tasks = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                if (magic == MAGIC_V1) {
                    Extras extras = Extras.valueOf(in.readUTF());
                    tasks.put(name, new Task(TextClassifier.fromBytes(in.readNBytes(in.readInt())), extras));
                    continue;
                }
                Path path = Path.valueOf(in.readUTF());
                Extras extras = Extras.valueOf(in.readUTF());
                Calibration calibration = Calibration.read(in);
                byte[] model = in.readNBytes(in.readInt());
                tasks.put(
                        name,
                        new Task(
                                model.length == 0 ? null : TextClassifier.fromBytes(model), extras, calibration, path));
            }
            return new ModelBundle(tasks);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
