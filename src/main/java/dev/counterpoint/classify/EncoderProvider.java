package dev.counterpoint.classify;

import dev.counterpoint.classify.text.EncoderSpec;
import dev.counterpoint.classify.text.OnnxTextEncoder;
import dev.counterpoint.classify.text.TextEncoder;
import dev.counterpoint.platform.ShutdownOrder;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The one sentence encoder of this app instance, loaded on first use (about 35 MB of ONNX model from the
 * classpath). ONNX Runtime already uses both cores per call, so calls are serialised.
 */
@ApplicationScoped
public class EncoderProvider {

    private static final Logger LOG = Logger.getLogger(EncoderProvider.class);

    @Inject
    ClassifierConfig config;

    private volatile SerialEncoder encoder;
    private boolean closed;

    /** The configured encoder's id, without loading it (starting up stays quick). */
    public String encoderId() {
        return EncoderSpec.byName(config.encoder()).id();
    }

    /**
     * The encoder, loading it on first use. Once the app stops, no new ONNX session is created: creating one
     * while the JVM exits has crashed it inside ONNX Runtime.
     */
    public TextEncoder encoder() {
        SerialEncoder current = encoder;
        if (current == null) {
            synchronized (this) {
                if (closed || ShutdownOrder.hasBegun()) {
                    throw new StoppingException("the app is stopping; the sentence encoder is not loaded");
                }
                if (encoder == null) {
                    LOG.infof("Loading the sentence encoder %s", config.encoder());
                    encoder = new SerialEncoder(new OnnxTextEncoder(EncoderSpec.byName(config.encoder())));
                }
                current = encoder;
            }
        }
        return current;
    }

    void close(@Observes @Priority(ShutdownOrder.CLOSE_NATIVE) ShutdownEvent event) {
        SerialEncoder loaded;
        synchronized (this) {
            closed = true;
            loaded = encoder;
        }
        if (loaded != null) {
            // Waits for a running encode call (the encoder is serialised), then frees the native session.
            loaded.close();
            LOG.info("Closed the sentence encoder");
        }
    }

    private static final class SerialEncoder implements TextEncoder {
        private final TextEncoder delegate;
        private boolean closed;

        SerialEncoder(TextEncoder delegate) {
            this.delegate = delegate;
        }

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
            if (closed) {
                throw new StoppingException("the app is stopping; the sentence encoder is closed");
            }
            return delegate.encode(texts);
        }

        @Override
        public synchronized void close() {
            closed = true;
            delegate.close();
        }
    }
}
