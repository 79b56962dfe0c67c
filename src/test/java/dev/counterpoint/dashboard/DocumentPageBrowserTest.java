package dev.counterpoint.dashboard;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.counterpoint.classify.jobs.ClassificationRequests;
import dev.counterpoint.classify.jobs.ClassificationWorker;
import dev.counterpoint.corpus.CorpusFixtures;
import dev.counterpoint.corpus.CorpusImporter;
import dev.counterpoint.corpus.Document;
import dev.counterpoint.corpus.SampleCorpus;
import dev.counterpoint.platform.Browser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DocumentPageBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    CorpusImporter importer;

    @Inject
    ClassificationWorker worker;

    @Inject
    ClassificationRequests requests;

    private Browser browser;

    @BeforeAll
    void openBrowser() {
        browser = Browser.open(root.toString()).signInAsAdmin();
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    @Test
    void the_sample_page_draws_the_chart_with_exactly_the_data_the_endpoint_returned() {
        long id = QuarkusTransaction.requiringNew()
                .call(() ->
                        Document.findByExternalKey(SampleCorpus.EXTERNAL_KEY).orElseThrow().id);
        Map<String, Object> endpoint = given().auth()
                .preemptive()
                .basic("admin", Browser.ADMIN_PASSWORD)
                .get("/api/documents/" + id + "/charts/target-mentions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("$");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> targets = (List<Map<String, Object>>) endpoint.get("targets");

        browser.consoleErrors();
        browser.go("/documents/" + id);
        browser.waitUntil(
                d -> browser.script("return !!Chart.getChart(document.getElementById('target-mentions-chart'))"));

        Object labels =
                browser.script("return Chart.getChart(document.getElementById('target-mentions-chart')).data.labels");
        Object paragraphs = browser.script(
                "return Chart.getChart(document.getElementById('target-mentions-chart')).data.datasets[0].data");
        Object comments = browser.script(
                "return Chart.getChart(document.getElementById('target-mentions-chart')).data.datasets[1].data");
        assertEquals(targets.stream().map(t -> t.get("name")).toList(), labels);
        assertEquals(
                targets.stream()
                        .map(t -> ((Number) t.get("paragraphs")).longValue())
                        .toList(),
                longs(paragraphs));
        assertEquals(
                targets.stream()
                        .map(t -> ((Number) t.get("comments")).longValue())
                        .toList(),
                longs(comments));
        assertTrue(longs(comments).stream().mapToLong(Long::longValue).sum() > 0, "the sample's comments name targets");
        assertTrue(browser.driver()
                .findElement(By.id("target-mentions-status"))
                .getText()
                .contains("7 comments"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void hostile_comments_show_as_text_and_run_nothing() {
        String script = "<script>window.pwned = 1</script>";
        String image = "<img src=x onerror=\"window.pwned = 2\">";
        long id = importer.importDocument(CorpusFixtures.document(
                        CorpusFixtures.uniqueKey("browser-hostile"),
                        List.of("Russia said nothing."),
                        List.of(script, image)))
                .document()
                .id;
        browser.go("/documents/" + id);
        browser.waitUntil(
                d -> browser.script("return !!Chart.getChart(document.getElementById('target-mentions-chart'))"));
        List<String> shown = browser.driver().findElements(By.cssSelector(".comment-text")).stream()
                .map(e -> e.getText())
                .toList();
        assertEquals(List.of(script, image), shown);
        assertEquals(
                0L,
                ((Number) browser.script(
                                "return document.querySelectorAll('.comment-text img, .comment-text script').length"))
                        .longValue());
        assertEquals(null, browser.script("return window.pwned === undefined ? null : window.pwned"));
    }

    @Test
    void the_sample_shows_its_labels_with_provenance_and_a_running_job_shows_progress_until_its_labels_arrive() {
        worker.drain();
        long sample = QuarkusTransaction.requiringNew()
                .call(() ->
                        Document.findByExternalKey(SampleCorpus.EXTERNAL_KEY).orElseThrow().id);
        browser.consoleErrors();
        browser.go("/documents/" + sample);
        assertTrue(browser.driver().findElements(By.id("no-labels")).isEmpty(), "the sample is labelled");
        assertEquals(
                7,
                browser.driver()
                        .findElements(By.cssSelector("#framing-table tbody tr"))
                        .size());
        var comments = browser.driver().findElements(By.cssSelector(".comment"));
        assertEquals(7, comments.size());
        for (var comment : comments) {
            var badges = comment.findElements(By.cssSelector(".labels li"));
            assertTrue(badges.size() >= 2, "sentiment and incivility at least");
            assertTrue(badges.stream()
                    .allMatch(b -> b.getAttribute("title") == null
                            || b.getAttribute("title").startsWith("model · transfer:default")));
        }
        assertTrue(
                browser.driver()
                                .findElements(By.cssSelector(".comment .incivility-uncivil"))
                                .size()
                        >= 1,
                "the insulting comments are marked uncivil");
        assertTrue(browser.driver()
                        .findElements(By.cssSelector(".comment-text .mention"))
                        .size()
                > 5);
        assertEquals(List.of(), browser.consoleErrors());

        long id = importer.importDocument(CorpusFixtures.document(
                        CorpusFixtures.uniqueKey("progress"),
                        List.of("Russia and Ukraine."),
                        List.of("Slava Ukraini!", "The Kremlin lies.")))
                .document()
                .id;
        requests.classifyDocument(id, "test");
        browser.go("/documents/" + id);
        assertTrue(browser.driver().findElement(By.id("job-progress")).isDisplayed());
        assertEquals("0", browser.driver().findElement(By.id("job-progress")).getAttribute("value"));
        worker.drain();
        browser.waitUntil(d -> d.findElements(By.id("job-progress")).isEmpty()
                && !d.findElements(By.cssSelector("#framing-table")).isEmpty());
        assertEquals(List.of(), browser.consoleErrors());
    }

    private static List<Long> longs(Object values) {
        return ((List<?>) values).stream().map(v -> ((Number) v).longValue()).toList();
    }
}
