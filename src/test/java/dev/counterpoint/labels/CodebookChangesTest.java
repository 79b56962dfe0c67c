package dev.counterpoint.labels;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.counterpoint.codebook.Codebook;
import dev.counterpoint.codebook.CodebookFile;
import dev.counterpoint.codebook.CodebookRegistry;
import dev.counterpoint.codebook.InvalidCodebookException;
import dev.counterpoint.corpus.CorpusImporter;
import dev.counterpoint.corpus.DocumentImport;
import dev.counterpoint.corpus.Item;
import dev.counterpoint.corpus.ItemKind;
import dev.counterpoint.labels.codebook.TargetChanges;
import dev.counterpoint.platform.Browser;
import dev.counterpoint.users.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CodebookChangesTest {

    @Inject
    CodebookRegistry registry;

    @Inject
    CorpusImporter importer;

    @Inject
    TargetChanges changes;

    @Inject
    LabelFixtures fixtures;

    @Inject
    EntityManager entityManager;

    @Test
    void renames_and_merges_carry_peoples_labels_splits_ask_again_and_nothing_is_dropped() {
        String slug = "changes-" + System.nanoTime();
        CodebookFile file = CodebookFile.parse(codebook(slug), "test");
        QuarkusTransaction.requiringNew().run(() -> registry.register(file, "test"));
        List<Long> items = comments(slug, "One about alpha and beta.", "Two about gamma.");
        long first = items.get(0);
        long second = items.get(1);
        fixtures.human(first, "alice", "alpha", "favor");
        fixtures.human(first, "alice", "beta", "none");
        fixtures.human(first, "bob", "alpha", "against");
        fixtures.human(first, "bob", "beta", "favor");
        fixtures.human(second, "alice", "gamma", "against");

        TargetChanges.Result renamed = QuarkusTransaction.requiringNew()
                .call(() -> changes.rename(slug, "beta", "Beta, renamed", "beta-two", "admin"));
        assertEquals(2, renamed.version());
        assertEquals(2, renamed.carried(), "alice's and bob's labels on beta");
        assertEquals("favor", latest(first, "beta-two", "bob"));
        assertTrue(note(first, "beta-two", "bob").contains("carried over"));

        TargetChanges.Result merged = QuarkusTransaction.requiringNew()
                .call(() -> changes.merge(slug, List.of("alpha", "beta-two"), entry("ab", "Alpha and beta"), "admin"));
        assertEquals(1, merged.carried(), "alice: favor on alpha and none on beta agree");
        assertEquals(1, merged.requested(), "bob was against alpha and for beta: asked again");
        assertEquals("favor", latest(first, "ab", "alice"));
        Map<String, Object> queued = fixtures.queueRow(first, "ab");
        assertNotNull(queued);

        TargetChanges.Result split = QuarkusTransaction.requiringNew()
                .call(() -> changes.split(
                        slug, "gamma", List.of(entry("g-one", "G one"), entry("g-two", "G two")), "admin"));
        assertEquals(2, split.requested(), "the item labelled on gamma, once for each part");
        assertNotNull(fixtures.queueRow(second, "g-one"));
        fixtures.human(second, "alice", "g-one", "against");
        assertEquals(null, fixtures.queueRow(second, "g-one"), "labelling it again takes it out of the queue");

        assertEquals(
                4,
                QuarkusTransaction.requiringNew()
                        .call(() -> Codebook.findBySlug(slug).orElseThrow().latestVersion().version));
        long history = QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager
                                .createNativeQuery("SELECT count(*) FROM label WHERE item_id IN (?1, ?2) AND target IN "
                                        + "('alpha', 'beta', 'gamma')")
                                .setParameter(1, first)
                                .setParameter(2, second)
                                .getSingleResult())
                        .longValue());
        assertEquals(5, history, "the old labels stay in history");
        assertTrue(classifyJobs(slug) >= 3, "each change queues the documents for labelling again");

        QuarkusTransaction.requiringNew().run(() -> registry.register(file, "test"));
        assertEquals(
                4,
                QuarkusTransaction.requiringNew()
                        .call(() -> Codebook.findBySlug(slug).orElseThrow().latestVersion().version),
                "restarting with the unchanged file keeps the changes made in the app");
    }

    @Test
    void a_change_that_breaks_the_codebook_is_refused_and_changes_nothing() {
        String slug = "refused-" + System.nanoTime();
        QuarkusTransaction.requiringNew()
                .run(() -> registry.register(CodebookFile.parse(codebook(slug), "test"), "test"));
        assertThrows(
                InvalidCodebookException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> changes.add(slug, entry("alpha", "Again"), "admin")));
        assertThrows(
                InvalidCodebookException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> changes.rename(slug, "nope", "x", null, "admin")));
        assertEquals(
                1,
                QuarkusTransaction.requiringNew()
                        .call(() -> Codebook.findBySlug(slug).orElseThrow().latestVersion().version));
    }

    @Test
    void only_admins_change_codebooks() {
        fixtures.user("cody", Role.ANNOTATOR);
        given().auth()
                .preemptive()
                .basic("cody", LabelFixtures.PASSWORD)
                .get("/admin/codebooks/default")
                .then()
                .statusCode(403);
        given().auth()
                .preemptive()
                .basic("admin", Browser.ADMIN_PASSWORD)
                .get("/admin/codebooks/default")
                .then()
                .statusCode(200);
    }

    private List<Long> comments(String codebook, String... texts) {
        String key = "changes-doc-" + System.nanoTime();
        QuarkusTransaction.requiringNew()
                .run(() -> importer.importDocument(new DocumentImport(
                        key,
                        "Codebook change test",
                        null,
                        null,
                        null,
                        null,
                        codebook,
                        List.of(),
                        java.util.Arrays.stream(texts)
                                .map(t -> new DocumentImport.Comment(null, null, null, null, t))
                                .toList())));
        return QuarkusTransaction.requiringNew()
                .call(() -> Item.ofKind(
                                dev.counterpoint.corpus.Document.findByExternalKey(key)
                                        .orElseThrow(),
                                ItemKind.COMMENT)
                        .stream()
                        .map(i -> i.id)
                        .toList());
    }

    private String latest(long item, String target, String annotator) {
        return (String) single(
                "SELECT value FROM label WHERE item_id = ?1 AND target = ?2 AND annotator = ?3 ORDER BY id DESC LIMIT 1",
                item,
                target,
                annotator);
    }

    private String note(long item, String target, String annotator) {
        return (String) single(
                "SELECT note FROM label WHERE item_id = ?1 AND target = ?2 AND annotator = ?3 ORDER BY id DESC LIMIT 1",
                item,
                target,
                annotator);
    }

    private long classifyJobs(String codebook) {
        return ((Number) single(
                        "SELECT count(*) FROM job j JOIN codebook c ON c.id = j.codebook_id WHERE c.slug = ?1 AND ?2 = ?2 "
                                + "AND ?3 = ?3 AND j.kind = 'classify'",
                        codebook,
                        "",
                        ""))
                .longValue();
    }

    private Object single(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = entityManager.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.getSingleResult();
        });
    }

    private static CodebookFile.TargetEntry entry(String slug, String name) {
        return new CodebookFile.TargetEntry(
                slug, name, name + " as a whole.", List.of(), List.of("I like " + name), List.of("I dislike " + name));
    }

    private static String codebook(String slug) {
        StringBuilder yaml = new StringBuilder("slug: " + slug + "\nname: Change test\ntargets:\n");
        for (String target : List.of("alpha", "beta", "gamma")) {
            yaml.append("  - slug: ")
                    .append(target)
                    .append("\n    name: ")
                    .append(target)
                    .append("\n    description: The ")
                    .append(target)
                    .append(" thing.\n    favor: [\"Good ")
                    .append(target)
                    .append(".\"]\n    against: [\"Bad ")
                    .append(target)
                    .append(".\"]\n");
        }
        return yaml.toString();
    }
}
