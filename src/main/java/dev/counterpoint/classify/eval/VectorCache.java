package dev.counterpoint.classify.eval;

import dev.counterpoint.classify.text.TextEncoder;
import dev.counterpoint.classify.text.TextNormalizer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Encoder vectors of benchmark texts kept in a file between runs of the offline experiments (the encoder is the
 * slow part: about two minutes for the stance benchmarks), keyed by the encoder's id and the cleaned text.
 */
final class VectorCache {

    private final TextEncoder encoder;
    private final Path file;
    private final Map<String, float[]> vectors = new HashMap<>();

    VectorCache(TextEncoder encoder, Path folder) {
        this.encoder = encoder;
        this.file = folder.resolve("vectors-" + encoder.id().replaceAll("[^A-Za-z0-9.-]+", "_") + ".bin");
        read();
    }

    /** Vectors of the texts, in order; texts not yet in the cache are encoded and appended to its file. */
    float[][] vectors(List<String> texts) {
        List<String> missing = new ArrayList<>();
        for (String text : texts) {
            String clean = TextNormalizer.clean(text);
            if (!vectors.containsKey(clean) && !missing.contains(clean)) {
                missing.add(clean);
            }
        }
        for (int from = 0; from < missing.size(); from += 256) {
            List<String> batch = missing.subList(from, Math.min(missing.size(), from + 256));
            float[][] encoded = encoder.encode(batch);
            for (int i = 0; i < batch.size(); i++) {
                vectors.put(batch.get(i), encoded[i]);
            }
            append(batch);
        }
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            out[i] = vectors.get(TextNormalizer.clean(texts.get(i)));
        }
        return out;
    }

    private void read() {
        if (!Files.exists(file)) {
            return;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            while (true) {
                String text;
                try {
                    text = in.readUTF();
                } catch (EOFException end) {
                    return;
                }
                float[] v = new float[in.readInt()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = in.readFloat();
                }
                vectors.put(text, v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the vector cache " + file, e);
        }
    }

    private void append(List<String> texts) {
        try {
            Files.createDirectories(file.getParent());
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(
                    file, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND)))) {
                for (String text : texts) {
                    float[] v = vectors.get(text);
                    out.writeUTF(text.length() > 20000 ? text.substring(0, 20000) : text);
                    out.writeInt(v.length);
                    for (float x : v) {
                        out.writeFloat(x);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the vector cache " + file, e);
        }
    }
}
