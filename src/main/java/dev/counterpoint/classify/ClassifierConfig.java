package dev.counterpoint.classify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "counterpoint.classifier")
public interface ClassifierConfig {

    /** The sentence encoder: bge (bge-small-en-v1.5, the default), minilm or e5. */
    @WithDefault("bge")
    String encoder();

    /** Items a worker labels per transaction. */
    @WithDefault("64")
    int batchSize();

    /**
     * How long a worker holds the items it took before another worker may take them: longer than a batch takes
     * (seconds), short enough that a dead instance's work is soon picked up.
     */
    @WithDefault("PT2M")
    java.time.Duration lease();

    /** Whether this instance works on queued jobs (an instance that only serves pages can say no). */
    @WithDefault("true")
    boolean worker();

    /**
     * Whether the worker runs the pipelined path (reading, encoding, labelling and storing on threads of their own)
     * or the serial one (one batch at a time in one transaction); the serial path stays for comparing the two.
     */
    @WithDefault("true")
    boolean pipeline();

    /** Whether the bundled sample is classified on first start. */
    @WithDefault("true")
    boolean classifySampleOnStart();
}
