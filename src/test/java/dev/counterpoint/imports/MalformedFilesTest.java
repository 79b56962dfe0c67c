package dev.counterpoint.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.counterpoint.corpus.InvalidImportException;
import dev.counterpoint.platform.Progress;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every file in src/test/resources/imports/malformed is refused with its expected error, and nothing changes. */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MalformedFilesTest {

    private static final String FOLDER = "imports/malformed/";

    @Inject
    FileImporter importer;

    @Inject
    EntityManager entityManager;

    @TestFactory
    Stream<DynamicTest> each_malformed_file_is_refused_with_its_error_and_the_database_is_unchanged()
            throws IOException {
        return expectations().stream()
                .map(row -> DynamicTest.dynamicTest(row[0], () -> {
                    List<Long> before = counts();
                    InvalidImportException e;
                    try (InputStream in = resource(FOLDER + row[0])) {
                        e = assertThrows(
                                InvalidImportException.class,
                                () -> importer.importFile(
                                        in, ImportOptions.of(ImportFormat.fromCode(row[1]), "hostile"), Progress.NONE));
                    }
                    assertTrue(e.getMessage().contains(row[2]), row[0] + " said: " + e.getMessage());
                    assertEquals(before, counts(), "documents, items, labels and jobs are as they were");
                }));
    }

    private List<Long> counts() {
        return QuarkusTransaction.requiringNew()
                .call(() -> Stream.of("document", "item", "label", "job")
                        .map(table -> ((Number) entityManager
                                        .createNativeQuery("SELECT count(*) FROM " + table)
                                        .getSingleResult())
                                .longValue())
                        .toList());
    }

    private static List<String[]> expectations() throws IOException {
        try (InputStream in = resource(FOLDER + "expected-errors.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\t"))
                    .toList();
        }
    }

    private static InputStream resource(String path) {
        return MalformedFilesTest.class.getClassLoader().getResourceAsStream(path);
    }
}
