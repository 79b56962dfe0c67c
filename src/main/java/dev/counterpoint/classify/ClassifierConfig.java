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

    /** Whether this instance works on queued jobs (an instance that only serves pages can say no). */
    @WithDefault("true")
    boolean worker();

    /** Whether the bundled sample is classified on first start. */
    @WithDefault("true")
    boolean classifySampleOnStart();
}
