package dev.counterpoint.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.counterpoint.corpus.CorpusFixtures;
import dev.counterpoint.corpus.CorpusImporter;
import dev.counterpoint.corpus.Item;
import dev.counterpoint.corpus.ItemKind;
import dev.counterpoint.platform.Browser;
import dev.counterpoint.users.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/** What an annotator and an admin do in the browser: relabel by keyboard, see history and charts follow, settle. */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RelabellingBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    CorpusImporter importer;

    @Inject
    LabelFixtures fixtures;

    @Test
    void an_annotator_relabels_the_article_and_three_comments_by_keyboard_and_the_chart_follows() {
        fixtures.user("kim", Role.ANNOTATOR);
        long document = importer.importDocument(CorpusFixtures.document(
                        CorpusFixtures.uniqueKey("keyboard"),
                        List.of("Russia invaded.", "Ukraine resists.", "Europe helps."),
                        List.of("Slava Ukraini!", "Ukraine should give up.", "You are all idiots.")))
                .document()
                .id;
        List<Long> comments = itemsOf(document, ItemKind.COMMENT);
        long article = itemsOf(document, ItemKind.ARTICLE).get(0);

        try (Browser browser = Browser.open(root.toString()).signIn("kim", LabelFixtures.PASSWORD)) {
            browser.consoleErrors();
            browser.go("/documents/" + document);
            keys(browser, "j");
            awaitPanelFor(browser, article);
            keys(browser, "4", "a"); // Russia is the codebook's fourth target: against.
            keys(browser, Keys.ENTER);
            awaitPanelFor(browser, itemsOf(document, ItemKind.PARAGRAPH).get(0));
            keys(browser, "j", "j", "j");
            awaitPanelFor(browser, comments.get(0));
            keys(browser, "5", "f", Keys.ENTER); // Ukraine: favor
            awaitPanelFor(browser, comments.get(1));
            keys(browser, "5", "a", "m", Keys.ENTER); // Ukraine: against, sentiment negative
            awaitPanelFor(browser, comments.get(2));
            keys(browser, "x", Keys.ENTER); // uncivil
            browser.waitUntil(
                    d -> d.findElement(By.id("label-panel-status")).getText().startsWith("Saved 1 label"));

            keys(browser, "k");
            awaitPanelFor(browser, comments.get(1));
            browser.waitUntil(
                    d -> !d.findElements(By.cssSelector(".label-history td")).isEmpty());
            String history = browser.driver()
                    .findElement(By.cssSelector(".label-history"))
                    .getText();
            assertTrue(
                    history.contains("against: Ukraine") && history.contains("human") && history.contains("kim"),
                    history);
            assertEquals(List.of(), browser.consoleErrors());

            browser.go("/dashboards/framing-vs-reactions?document=" + document);
            browser.waitUntil(d -> "true"
                    .equals(d.findElement(By.cssSelector("section.panel[data-src*='reader-stance']"))
                            .getAttribute("data-loaded")));
            Object labels = browser.script("return Chart.getChart(document.querySelector("
                    + "\"section.panel[data-src*='reader-stance'] canvas\")).data.labels");
            assertTrue(labels.toString().contains("Russia — author: against"), labels.toString());
            Object favor = browser.script("return Chart.getChart(document.querySelector("
                    + "\"section.panel[data-src*='reader-stance'] canvas\")).data.datasets[1].data");
            assertTrue(favor.toString().contains("50"), "one of the two comments on Ukraine favours it: " + favor);
        }
        assertEquals("against", current(article, "russia"));
        assertEquals("favor", current(comments.get(0), "ukraine"));
        assertEquals("against", current(comments.get(1), "ukraine"));
    }

    @Test
    void a_dispute_shows_in_the_queue_an_admin_settles_it_and_a_stale_decision_is_refused_with_the_change() {
        List<Long> items = fixtures.comments("queue-browser", "Russia lies.", "Russia wins.");
        fixtures.human(items.get(0), "kim", "russia", "against");
        fixtures.human(items.get(0), "lee", "russia", "favor");
        fixtures.human(items.get(1), "kim", "russia", "favor");
        fixtures.human(items.get(1), "lee", "russia", "none");
        long document = fixtures.documentOf(items.get(0));

        try (Browser browser = Browser.open(root.toString()).signInAsAdmin()) {
            browser.consoleErrors();
            browser.go("/queue?document=" + document + "&reason=disagreement");
            assertEquals(
                    2,
                    browser.driver().findElements(By.cssSelector(".queue-row")).size());
            assertTrue(browser.driver()
                    .findElement(By.cssSelector(".reason-counts"))
                    .getText()
                    .contains("2 people disagree"));

            browser.driver().findElements(By.cssSelector(".queue-row")).stream()
                    .filter(r -> r.getAttribute("data-label-item").equals(String.valueOf(items.get(0))))
                    .findFirst()
                    .orElseThrow()
                    .click();
            awaitPanelFor(browser, items.get(0));
            decide(browser, "against", "the comment mocks Russia");
            browser.waitUntil(
                    d -> d.findElement(By.id("label-panel-status")).getText().startsWith("Decided"));
            assertEquals("adjudicated", source(items.get(0), "russia"));

            browser.driver().findElements(By.cssSelector(".queue-row")).stream()
                    .filter(r -> r.getAttribute("data-label-item").equals(String.valueOf(items.get(1))))
                    .findFirst()
                    .orElseThrow()
                    .click();
            awaitPanelFor(browser, items.get(1));
            fixtures.human(items.get(1), "mo", "russia", "against"); // someone labels it meanwhile
            decide(browser, "favor", "kim is right");
            browser.waitUntil(
                    d -> d.findElement(By.id("label-panel-status")).getText().contains("since you opened it"));
            assertTrue(browser.driver()
                    .findElement(By.id("label-panel-status"))
                    .getText()
                    .contains("mo"));
            assertEquals("human", source(items.get(1), "russia"), "the stale decision was not stored");

            browser.go("/queue?document=" + document + "&reason=disagreement");
            assertEquals(
                    1,
                    browser.driver().findElements(By.cssSelector(".queue-row")).size());
            // The refused decision's 409 is logged by the browser as a failed load; nothing else may be.
            assertEquals(
                    List.of(),
                    browser.consoleErrors().stream()
                            .filter(e -> !e.contains("status of 409"))
                            .toList());
        }
    }

    private static void decide(Browser browser, String value, String reason) {
        new Select(browser.driver().findElement(By.id("decide-value"))).selectByValue(value);
        browser.driver().findElement(By.id("decide-reason")).sendKeys(reason);
        browser.driver()
                .findElement(By.cssSelector("form.decision button[type=submit]"))
                .click();
    }

    private static void keys(Browser browser, CharSequence... keys) {
        for (CharSequence key : keys) {
            new Actions(browser.driver()).sendKeys(key).perform();
        }
    }

    private static void awaitPanelFor(Browser browser, long itemId) {
        browser.waitUntil(d -> !d.findElements(By.cssSelector("#label-panel[data-ready='" + itemId + "']"))
                .isEmpty());
    }

    private static List<Long> itemsOf(long document, ItemKind kind) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Item.ofKind(dev.counterpoint.corpus.Document.findById(document), kind).stream()
                        .map(i -> i.id)
                        .toList());
    }

    private static String current(long item, String target) {
        return (String) query("SELECT value FROM current_label WHERE item_id = ?1 AND target = ?2", item, target);
    }

    private static String source(long item, String target) {
        return (String) query("SELECT source FROM current_label WHERE item_id = ?1 AND target = ?2", item, target);
    }

    private static Object query(String sql, long item, String target) {
        return QuarkusTransaction.requiringNew()
                .call(() -> io.quarkus.hibernate.orm.panache.Panache.getEntityManager()
                        .createNativeQuery(sql)
                        .setParameter(1, item)
                        .setParameter(2, target)
                        .getSingleResult());
    }
}
