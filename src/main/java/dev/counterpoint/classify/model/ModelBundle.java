package dev.counterpoint.classify.model;

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
 * The trained part of a model version, stored in {@code model_version.artifact}: one classifier per task (a
 * target's stance, "sentiment", "incivility") that had enough people's labels. Tasks without one fall back to
 * the zero-shot rule.
 */
public record ModelBundle(Map<String, Task> tasks) {

    /** Extra features a task's classifier reads besides the text and its vector. */
    public enum Extras {
        NONE,
        /** VADER scores of the text. */
        VADER,
        /** The zero-shot codebook signals of the task's own target (a prior learnt from few labels). */
        CODEBOOK_PRIOR
    }

    public record Task(TextClassifier model, Extras extras) {}

    private static final int MAGIC = 0x43504d42; // "CPMB"

    public byte[] toBytes() {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(tasks.size());
            for (Map.Entry<String, Task> task : tasks.entrySet()) {
                out.writeUTF(task.getKey());
                out.writeUTF(task.getValue().extras().name());
                byte[] model = task.getValue().model().toBytes();
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
            if (in.readInt() != MAGIC) {
                throw new IllegalStateException("the stored model is not a Counterpoint model bundle");
            }
            int count = in.readInt();
            Map<String, Task> tasks = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                Extras extras = Extras.valueOf(in.readUTF());
                byte[] model = in.readNBytes(in.readInt());
                tasks.put(name, new Task(TextClassifier.fromBytes(model), extras));
            }
            return new ModelBundle(tasks);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
