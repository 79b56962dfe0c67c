package dev.counterpoint.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.counterpoint.classify.model.ModelRegistry;
import dev.counterpoint.codebook.Codebook;
import dev.counterpoint.corpus.CorpusFixtures;
import dev.counterpoint.corpus.CorpusImporter;
import dev.counterpoint.corpus.Document;
import dev.counterpoint.corpus.Item;
import dev.counterpoint.corpus.ItemKind;
import dev.counterpoint.labels.Dimension;
import dev.counterpoint.labels.LabelSource;
import dev.counterpoint.labels.LabelWriter;
import dev.counterpoint.labels.ModelVersion;
import dev.counterpoint.labels.NewLabel;
import dev.counterpoint.platform.Browser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DashboardBrowserTest {

    static final String HOSTILE = "<img src=x onerror=\"window.pwned=1\"> <script>window.pwned=2</script> Russia!";
    static final Set<String> OKABE_ITO =
            Set.of("#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#999999", "#000000");

    @TestHTTPResource("/")
    URL root;

    @Inject
    CorpusImporter importer;

    @Inject
    LabelWriter labels;

    @Inject
    ModelRegistry models;

    private Browser browser;
    private long document;

    @BeforeAll
    void setUp() {
        List<String> comments = List.of(HOSTILE, "I back Russia.", "Russia lies.", "Russia again.", "Nothing here.");
        document = importer.importDocument(CorpusFixtures.document(
                        CorpusFixtures.uniqueKey("dashboard"), List.of("Russia is wrong."), comments))
                .document()
                .id;
        QuarkusTransaction.requiringNew().run(() -> {
            Document doc = Document.findById(document);
            ModelVersion model =
                    models.transfer(((Codebook) Codebook.findBySlug("default").orElseThrow()).latestVersion());
            List<NewLabel> rows = new ArrayList<>();
            rows.add(NewLabel.human(
                    Item.ofKind(doc, ItemKind.ARTICLE).get(0).id, Dimension.STANCE, "russia", "against", "ann"));
            List<Item> items = Item.ofKind(doc, ItemKind.COMMENT);
            String[] values = {"favor", "favor", "against", "against", "none"};
            for (int i = 0; i < items.size(); i++) {
                rows.add(NewLabel.human(items.get(i).id, Dimension.STANCE, "russia", values[i], "ann"));
                rows.add(NewLabel.human(
                        items.get(i).id, Dimension.SENTIMENT, null, i % 2 == 0 ? "negative" : "neutral", "ann"));
                rows.add(NewLabel.human(
                        items.get(i).id, Dimension.INCIVILITY, null, i == 0 ? "uncivil" : "civil", "ann"));
            }
            rows.add(new NewLabel(
                    items.get(3).id,
                    Dimension.STANCE,
                    "russia",
                    "favor",
                    null,
                    0.8,
                    LabelSource.MODEL,
                    model.name,
                    model.id,
                    null,
                    null));
            labels.append(rows);
        });
        browser = Browser.open(root.toString()).signInAsAdmin();
    }

    @AfterAll
    void tearDown() {
        browser.close();
    }

    @Test
    void every_shipped_dashboard_renders_every_panel_without_console_errors_at_1280_and_390_pixels() {
        for (int width : List.of(1280, 390)) {
            browser.width(width);
            for (String dashboard : List.of("framing-vs-reactions", "sentiment-and-civility", "corpus-overview")) {
                browser.consoleErrors();
                browser.go("/dashboards/" + dashboard
                        + (dashboard.equals("corpus-overview") ? "" : "?document=" + document));
                int panels = browser.driver()
                        .findElements(By.cssSelector("section.panel"))
                        .size();
                assertTrue(panels >= 2, dashboard);
                browser.waitUntil(d -> d.findElements(By.cssSelector("section.panel[data-loaded]"))
                                .size()
                        == panels);
                assertEquals(
                        0,
                        browser.driver()
                                .findElements(By.cssSelector("section.panel[data-loaded=error]"))
                                .size(),
                        dashboard + ": "
                                + browser.driver()
                                        .findElement(By.tagName("main"))
                                        .getText());
                assertEquals(List.of(), browser.consoleErrors(), dashboard + " at " + width + " px");
                Object overflow = browser.script("""
                        const wide = [...document.querySelectorAll('body *')].filter(e =>
                            e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.panel-table'));
                        return document.documentElement.scrollWidth > window.innerWidth + 1
                            ? wide.slice(0, 5).map(e => e.tagName + '.' + e.className + ' '
                                + Math.round(e.getBoundingClientRect().right)).join(', ') : '';""");
                assertEquals("", overflow, dashboard + " fits " + width + " px");
            }
        }
        browser.width(1280);
    }

    @Test
    void clicking_a_bar_lists_exactly_the_items_it_counts_and_hostile_text_stays_text() {
        openFraming();
        Object count = browser.script("""
                const chart = Chart.getChart(document.querySelector('#panel-reader-stance canvas'));
                const russia = chart.data.labels.findIndex(l => l.startsWith('Russia'));
                return chart.data.datasets[1].counts[russia];""");
        assertEquals(
                2L, ((Number) count).longValue(), "two comments for Russia (people's labels count over the model's)");
        // A real click event at the bar's centre, where Chart.js looks for the element under the pointer.
        browser.script("""
                const chart = Chart.getChart(document.querySelector('#panel-reader-stance canvas'));
                chart.canvas.scrollIntoView({block: 'center'});
                const russia = chart.data.labels.findIndex(l => l.startsWith('Russia'));
                const bar = chart.getDatasetMeta(1).data[russia];
                const box = chart.canvas.getBoundingClientRect();
                const at = {clientX: box.left + (bar.x + bar.base) / 2, clientY: box.top + bar.y, bubbles: true};
                chart.canvas.dispatchEvent(new MouseEvent('mousemove', at));
                chart.canvas.dispatchEvent(new MouseEvent('click', at));""");
        browser.waitUntil(d -> !d.findElement(By.cssSelector("#panel-reader-stance .drill"))
                .getText()
                .isEmpty());
        assertTrue(
                browser.driver()
                        .findElement(By.cssSelector("#panel-reader-stance .drill"))
                        .getText()
                        .startsWith("2 items behind this"),
                browser.driver()
                        .findElement(By.cssSelector("#panel-reader-stance .drill"))
                        .getText());
        List<WebElement> items = browser.driver().findElements(By.cssSelector("#panel-reader-stance .drill-item"));
        assertEquals(2, items.size());
        assertTrue(
                items.get(0).getText().contains(HOSTILE),
                "shown as text: " + items.get(0).getText());
        assertEquals(
                0L,
                ((Number) browser.script("return document.querySelectorAll('.drill img, .drill script').length"))
                        .longValue());
        assertEquals(null, browser.script("return window.pwned === undefined ? null : window.pwned"));
    }

    @Test
    void the_keyboard_reaches_every_drill_down_through_the_data_tables() {
        openFraming();
        browser.driver()
                .findElement(By.cssSelector("#panel-reader-stance details summary"))
                .sendKeys(Keys.ENTER);
        WebElement against = browser.driver().findElements(By.cssSelector("#panel-reader-stance .cell-button")).stream()
                .filter(b -> b.getAttribute("aria-label").startsWith("Russia")
                        && b.getAttribute("aria-label").contains("against"))
                .findFirst()
                .orElseThrow();
        against.sendKeys(Keys.ENTER);
        browser.waitUntil(d -> !d.findElements(By.cssSelector("#panel-reader-stance .drill-item"))
                .isEmpty());
        assertEquals(
                2,
                browser.driver()
                        .findElements(By.cssSelector("#panel-reader-stance .drill-item"))
                        .size());
        assertEquals(
                "h3", browser.script("return document.activeElement.tagName.toLowerCase()"), "focus moves to the list");
    }

    @Test
    void changing_a_filter_changes_the_drawn_data_and_the_palette_is_colour_blind_safe() {
        openFraming();
        String current = counts();
        new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.name("source")))
                .selectByValue("model");
        browser.driver()
                .findElement(By.cssSelector("form.filters button[type=submit]"))
                .click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("source=model")
                && !d.findElements(By.cssSelector("#panel-reader-stance[data-loaded=true]"))
                        .isEmpty());
        assertNotEquals(current, counts());
        @SuppressWarnings("unchecked")
        List<String> colours = (List<String>) browser.script("""
                return [...document.querySelectorAll('canvas')].map(c => Chart.getChart(c)).filter(c => c)
                  .flatMap(c => c.data.datasets.map(d => d.backgroundColor));""");
        assertFalse(colours.isEmpty());
        colours.forEach(c -> assertTrue(OKABE_ITO.contains(c), c + " is not an Okabe-Ito colour"));
    }

    @Test
    void hostile_text_in_the_heatmap_shows_as_text_in_cells_and_titles() {
        openFraming();
        String heatmap = browser.driver()
                .findElement(By.cssSelector("#panel-comments table.heatmap"))
                .getText();
        assertTrue(heatmap.contains("<img src=x onerror="), heatmap);
        String title = browser.driver()
                .findElement(By.cssSelector("#panel-comments .cell-button"))
                .getAttribute("title");
        assertTrue(title.startsWith("#1 <img src=x"), title);
        assertEquals(0L, ((Number) browser.script("return document.querySelectorAll('main img').length")).longValue());
    }

    private void openFraming() {
        browser.width(1280);
        browser.go("/dashboards/framing-vs-reactions?document=" + document);
        browser.waitUntil(d -> d.findElements(By.cssSelector("section.panel:not([data-loaded])"))
                .isEmpty());
    }

    private String counts() {
        return String.valueOf(browser.script("""
                const chart = Chart.getChart(document.querySelector('#panel-reader-stance canvas'));
                return JSON.stringify(chart.data.datasets.map(d => d.counts));"""));
    }
}
