package dev.counterpoint.classify;

import dev.counterpoint.classify.text.EncoderSpec;
import dev.counterpoint.classify.text.OnnxTextEncoder;
import dev.counterpoint.classify.text.TextEncoder;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The one sentence encoder of this app instance, loaded on first use (about 35 MB of ONNX model from the
 * classpath). ONNX Runtime already uses both cores per call, so calls are serialised.
 */
@ApplicationScoped
public class EncoderProvider {

    @Inject
    ClassifierConfig config;

    private volatile SerialEncoder encoder;

    /** The configured encoder's id, without loading it (starting up stays quick). */
    public String encoderId() {
        return EncoderSpec.byName(config.encoder()).id();
    }

    public TextEncoder encoder() {
        SerialEncoder current = encoder;
        if (current == null) {
            synchronized (this) {
                if (encoder == null) {
                    encoder = new SerialEncoder(new OnnxTextEncoder(EncoderSpec.byName(config.encoder())));
                }
                current = encoder;
            }
        }
        return current;
    }

    void close(@Observes ShutdownEvent event) {
        if (encoder != null) {
            encoder.close();
        }
    }

    private record SerialEncoder(TextEncoder delegate) implements TextEncoder {
        @Override
        public String id() {
            return delegate.id();
        }

        @Override
        public int dimension() {
            return delegate.dimension();
        }

        @Override
        public synchronized float[][] encode(List<String> texts) {
            return delegate.encode(texts);
        }

        @Override
        public synchronized void close() {
            delegate.close();
        }
    }
}
