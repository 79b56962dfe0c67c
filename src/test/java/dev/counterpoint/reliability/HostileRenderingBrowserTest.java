package dev.counterpoint.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.counterpoint.codebook.CodebookFile;
import dev.counterpoint.codebook.CodebookRegistry;
import dev.counterpoint.corpus.CorpusImporter;
import dev.counterpoint.corpus.DocumentImport;
import dev.counterpoint.platform.Browser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Script and HTML payloads in every field a person can fill (document title, byline, paragraph, comment text, comment
 * author, codebook and target names) show as text on every page that shows them, and run nothing.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileRenderingBrowserTest {

    static final String PAYLOAD = "<img src=x onerror=\"window.pwned=1\"><script>window.pwned=2</script>";

    @TestHTTPResource("/")
    URL root;

    @Inject
    CorpusImporter importer;

    @Inject
    CodebookRegistry codebooks;

    private Browser browser;
    private long document;

    @BeforeAll
    void hostileDocument() {
        String codebook = """
                slug: hostile-names
                name: 'Codebook %1$s'
                description: 'Described by %1$s'
                targets:
                  - slug: russia
                    name: 'Russia %1$s'
                    description: 'The Russian government %1$s'
                    aliases: [Russia, Kremlin]
                    favor: ['Russia is right %1$s']
                    against: ['Russia is wrong %1$s']
                """.formatted(PAYLOAD.replace("'", "''"));
        QuarkusTransaction.requiringNew().run(() -> codebooks.register(CodebookFile.parse(codebook, "test"), "test"));
        document = QuarkusTransaction.requiringNew()
                .call(() -> importer.importDocument(new DocumentImport(
                                "hostile-rendering",
                                "Title " + PAYLOAD,
                                null,
                                "Byline " + PAYLOAD,
                                null,
                                "Attribution " + PAYLOAD,
                                "hostile-names",
                                List.of(new DocumentImport.Paragraph("Russia paragraph " + PAYLOAD, false)),
                                List.of(new DocumentImport.Comment(
                                        "c1", "author " + PAYLOAD, null, null, "Russia comment " + PAYLOAD))))
                        .document()
                        .id);
        browser = Browser.open(root.toString()).signInAsAdmin();
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    @Test
    void every_page_that_shows_a_hostile_field_shows_it_as_text() {
        for (String page : List.of(
                "/",
                "/documents/" + document,
                "/dashboards",
                "/queue?document=" + document,
                "/admin/codebooks",
                "/admin/codebooks/hostile-names",
                "/admin/audit")) {
            browser.go(page);
            browser.waitUntil(d -> "complete".equals(browser.script("return document.readyState")));
            assertEquals(
                    0L,
                    ((Number) browser.script(
                                    "return document.querySelectorAll('img[src=\"x\"], body script:not([src])')"
                                            + ".length"))
                            .longValue(),
                    page + " holds an element built from a payload");
            assertEquals(null, browser.script("return window.pwned === undefined ? null : window.pwned"), page);
        }
        browser.go("/documents/" + document);
        String text = (String) browser.script("return document.body.innerText");
        for (String field : List.of("Title ", "Byline ", "Russia paragraph ", "Russia comment ", "author ")) {
            assertTrue(text.contains(field + "<img src=x"), field + "is not shown as text on the document page");
        }
    }

    @Test
    void the_label_panel_shows_hostile_target_names_and_text_as_text() {
        browser.go("/documents/" + document);
        browser.waitUntil(d -> browser.script("return document.querySelector('[data-label-item]') !== null"));
        browser.script("document.querySelector('.comment[data-label-item]').click()");
        browser.waitUntil(d -> browser.script(
                "return document.getElementById('label-panel-body').innerText.indexOf('Russia <img') >= 0"));
        assertEquals(
                0L, ((Number) browser.script("return document.querySelectorAll('img[src=\"x\"]').length")).longValue());
        assertEquals(null, browser.script("return window.pwned === undefined ? null : window.pwned"));
    }
}
