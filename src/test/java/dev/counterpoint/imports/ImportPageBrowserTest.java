package dev.counterpoint.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.counterpoint.corpus.Document;
import dev.counterpoint.platform.Browser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ImportPageBrowserTest {

    @TestHTTPResource("/")
    URL root;

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
    void a_pasted_csv_is_checked_then_imported_and_links_its_new_document() {
        String key = "pasted-" + System.nanoTime();
        browser.consoleErrors();
        browser.go("/import");
        new Select(browser.driver().findElement(By.id("import-format"))).selectByValue("csv");
        browser.driver().findElement(By.id("import-document")).sendKeys(key);
        browser.driver().findElement(By.id("import-title")).sendKeys("Pasted");
        browser.driver()
                .findElement(By.id("import-text"))
                .sendKeys("id,text,sentiment\nc1,\"Hello, world\",positive\nc2,Second,\n");

        browser.driver().findElement(By.id("import-check")).click();
        browser.waitUntil(d -> d.findElement(By.id("import-status")).getText().startsWith("Dry run"));
        assertTrue(
                browser.driver().findElement(By.id("import-status")).getText().contains("1 new documents"),
                browser.driver().findElement(By.id("import-status")).getText());
        assertTrue(QuarkusTransaction.requiringNew()
                .call(() -> Document.findByExternalKey(key).isEmpty()));

        browser.driver().findElement(By.id("import-run")).click();
        WebElement link = browser.waitUntil(d -> d.findElements(By.cssSelector("#import-documents a")).stream()
                .findFirst()
                .orElse(null));
        assertEquals("Pasted", link.getText());
        long id = QuarkusTransaction.requiringNew()
                .call(() -> Document.findByExternalKey(key).orElseThrow().id);
        assertTrue(link.getAttribute("href").endsWith("/documents/" + id));
        browser.waitUntil(
                d -> !d.findElements(By.cssSelector("#import-jobs progress")).isEmpty());
        assertEquals(
                List.of(),
                browser.consoleErrors().stream()
                        .filter(e -> !e.contains("favicon.ico"))
                        .toList());
    }

    @Test
    void a_bad_file_lists_every_problem_with_its_line() {
        browser.go("/import");
        new Select(browser.driver().findElement(By.id("import-format"))).selectByValue("csv");
        browser.driver()
                .findElement(By.id("import-text"))
                .sendKeys("id,text,sentiment\nc1,fine,great\nc2,fine,awful\n");
        browser.driver().findElement(By.id("import-run")).click();
        browser.waitUntil(d -> d.findElement(By.id("import-status")).getText().equals("Nothing was imported."));
        List<String> problems = browser.driver().findElements(By.cssSelector("#import-problems li")).stream()
                .map(WebElement::getText)
                .toList();
        assertTrue(problems.get(0).startsWith("Line 2: 'great' is not a value for sentiment"), problems.toString());
        assertTrue(problems.get(1).startsWith("Line 3: 'awful' is not a value for sentiment"), problems.toString());
    }
}
