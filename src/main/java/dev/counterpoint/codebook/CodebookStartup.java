package dev.counterpoint.codebook;

import dev.counterpoint.platform.StartupProblem;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Loads the bundled codebooks and those in the configured folder when the app starts. */
@Singleton
public class CodebookStartup {

    /** Codebooks shipped inside the product; the first is the sample's default codebook. */
    static final List<String> BUNDLED = List.of("codebooks/default.yaml");

    public static final int PRIORITY = 10;

    @Inject
    CodebookRegistry registry;

    @Inject
    CodebookConfig config;

    @Transactional
    void onStart(@Observes @Priority(PRIORITY) StartupEvent event) {
        for (String resource : BUNDLED) {
            register(readResource(resource), "bundled:" + resource);
        }
        config.dir().ifPresent(this::registerFolder);
        if (Codebook.findBySlug(config.defaultSlug()).isEmpty()) {
            throw new StartupProblem("The default codebook '" + config.defaultSlug() + "' is not among the loaded "
                    + "codebooks. Set COUNTERPOINT_CODEBOOKS_DEFAULT_SLUG to the slug of one of them.");
        }
    }

    private void registerFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new StartupProblem("The codebook folder " + folder + " does not exist. Create it or correct "
                    + "COUNTERPOINT_CODEBOOKS_DIR.");
        }
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(CodebookStartup::isCodebookFile)
                    .sorted()
                    .forEach(file -> register(readFile(file), file.toString()));
        } catch (IOException e) {
            throw new StartupProblem("Cannot read the codebook folder " + folder + " (" + e.getMessage() + ").", e);
        }
    }

    private void register(String content, String source) {
        try {
            registry.register(CodebookFile.parse(content, source), source);
        } catch (InvalidCodebookException e) {
            throw new StartupProblem(e.getMessage() + " Fix the file and start again.", e);
        }
    }

    private static boolean isCodebookFile(Path path) {
        String name = path.getFileName().toString().toLowerCase();
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }

    private static String readFile(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StartupProblem("Cannot read the codebook file " + file + " (" + e.getMessage() + ").", e);
        }
    }

    private static String readResource(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled codebook missing from the build: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
