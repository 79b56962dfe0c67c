package dev.counterpoint.codebook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

@ConfigMapping(prefix = "counterpoint.codebooks")
public interface CodebookConfig {

    /** The codebook a document uses when its import names none. */
    @WithDefault("default")
    String defaultSlug();

    /** A folder of codebook files (*.yaml, *.yml, *.json) loaded at start, besides the bundled ones. */
    Optional<Path> dir();
}
