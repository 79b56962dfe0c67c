package dev.counterpoint.codebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CodebookRegistryTest {

    @Inject
    CodebookRegistry registry;

    @Test
    void loading_an_unchanged_codebook_keeps_its_version_and_a_changed_one_gets_the_next() {
        String slug = "registry-test-" + System.nanoTime();
        CodebookFile first = codebook(slug, "The Russian state.");
        long v1 = registry.register(first, "test").id;
        assertEquals(v1, registry.register(first, "test again").id);
        CodebookVersion v2 = registry.register(codebook(slug, "The Russian state and its army."), "test");
        assertEquals(2, v2.version);
        QuarkusTransaction.requiringNew().run(() -> {
            Codebook codebook = Codebook.findBySlug(slug).orElseThrow();
            assertEquals(2, codebook.latestVersion().version);
            assertEquals(
                    "The Russian state and its army.",
                    codebook.latestVersion().targets.get(0).description);
            assertEquals(
                    List.of("Russia", "Kremlin"),
                    codebook.latestVersion().targets.get(0).aliases);
        });
    }

    private static CodebookFile codebook(String slug, String description) {
        return new CodebookFile(
                slug,
                "Registry test",
                null,
                List.of(new CodebookFile.TargetEntry(
                        "russia",
                        "Russia",
                        description,
                        List.of("Russia", "Kremlin"),
                        List.of("For."),
                        List.of("Against."))));
    }
}
