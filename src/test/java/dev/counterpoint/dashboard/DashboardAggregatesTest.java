package dev.counterpoint.dashboard;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.counterpoint.classify.model.ModelRegistry;
import dev.counterpoint.codebook.Codebook;
import dev.counterpoint.corpus.CorpusImporter;
import dev.counterpoint.corpus.Document;
import dev.counterpoint.corpus.DocumentImport;
import dev.counterpoint.corpus.Item;
import dev.counterpoint.corpus.ItemKind;
import dev.counterpoint.labels.Dimension;
import dev.counterpoint.labels.LabelSource;
import dev.counterpoint.labels.LabelWriter;
import dev.counterpoint.labels.ModelVersion;
import dev.counterpoint.labels.NewLabel;
import dev.counterpoint.platform.Browser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The numbers behind the charts, on a small document whose labels are known. */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DashboardAggregatesTest {

    @Inject
    CorpusImporter importer;

    @Inject
    LabelWriter labels;

    @Inject
    ModelRegistry models;

    @Inject
    RollupRefresher rollups;

    long document;
    List<Long> comments;

    /**
     * Article: against Russia (adjudicated), for Ukraine. Comments on Russia: c1 favor, c2 against, c3 against, c4 none
     * (people's labels), c5 favor by the model only (confidence 0.4), c6 against by ann then favor by bob (disputed).
     */
    @BeforeEach
    void knownLabels() {
        String key = "aggregates-" + System.nanoTime();
        OffsetDateTime day1 = OffsetDateTime.parse("2025-12-01T10:00:00Z");
        OffsetDateTime day2 = OffsetDateTime.parse("2025-12-02T10:00:00Z");
        List<DocumentImport.Comment> list = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            list.add(new DocumentImport.Comment(
                    "c" + i, null, i <= 2 ? day1 : day2, null, "comment " + i + " on Russia"));
        }
        document = importer.importDocument(new DocumentImport(
                        key,
                        "Aggregates " + key,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(new DocumentImport.Paragraph("Russia is wrong.", false)),
                        list))
                .document()
                .id;
        QuarkusTransaction.requiringNew().run(() -> {
            Document doc = Document.findById(document);
            long article = Item.ofKind(doc, ItemKind.ARTICLE).get(0).id;
            comments =
                    Item.ofKind(doc, ItemKind.COMMENT).stream().map(i -> i.id).toList();
            ModelVersion model =
                    models.transfer(((Codebook) Codebook.findBySlug("default").orElseThrow()).latestVersion());
            List<NewLabel> rows = new ArrayList<>();
            rows.add(new NewLabel(
                    article,
                    Dimension.STANCE,
                    "russia",
                    "against",
                    null,
                    null,
                    LabelSource.ADJUDICATED,
                    "lead",
                    null,
                    null,
                    null));
            rows.add(NewLabel.human(article, Dimension.STANCE, "ukraine", "favor", "ann"));
            String[] values = {"favor", "against", "against", "none"};
            for (int i = 0; i < 4; i++) {
                rows.add(NewLabel.human(comments.get(i), Dimension.STANCE, "russia", values[i], "ann"));
            }
            rows.add(new NewLabel(
                    comments.get(4),
                    Dimension.STANCE,
                    "russia",
                    "favor",
                    null,
                    0.4,
                    LabelSource.MODEL,
                    model.name,
                    model.id,
                    null,
                    null));
            rows.add(NewLabel.human(comments.get(5), Dimension.STANCE, "russia", "against", "ann"));
            rows.add(NewLabel.human(comments.get(0), Dimension.SENTIMENT, null, "negative", "ann"));
            rows.add(NewLabel.human(comments.get(1), Dimension.SENTIMENT, null, "negative", "ann"));
            rows.add(NewLabel.human(comments.get(2), Dimension.SENTIMENT, null, "positive", "ann"));
            rows.add(NewLabel.human(comments.get(1), Dimension.INCIVILITY, null, "uncivil", "ann"));
            rows.add(NewLabel.human(comments.get(2), Dimension.INCIVILITY, null, "civil", "ann"));
            labels.append(rows);
        });
        QuarkusTransaction.requiringNew()
                .run(() -> labels.append(
                        List.of(NewLabel.human(comments.get(5), Dimension.STANCE, "russia", "favor", "bob"))));
    }

    @Test
    void reader_stance_counts_current_labels_per_target_and_shows_the_author() {
        JsonPath panel = panel("framing-vs-reactions", "reader-stance", "");
        int russia = indexOf(panel.getList("labels"), "Russia — author: against");
        assertEquals(List.of(2L, 3L, 1L), countsAt(panel, russia), "against, favor, none");
        assertEquals(-100.0 * 2 / 6, panel.getDouble("series[0].values[" + russia + "]"), 1e-4);
        assertEquals(50.0, panel.getDouble("series[1].values[" + russia + "]"), 1e-4);
        assertEquals(6, panel.getInt("n"));
        assertEquals(5.0 / 6, panel.getDouble("checkedShare"), 1e-4);
        assertTrue(panel.getList("labels").contains("Ukraine — author: for"));
    }

    @Test
    void filters_change_what_is_counted() {
        int russia = indexOf(
                panel("framing-vs-reactions", "reader-stance", "").getList("labels"), "Russia — author: against");
        assertEquals(
                List.of(2L, 2L, 1L),
                countsAt(panel("framing-vs-reactions", "reader-stance", "&include-disputed=false"), russia),
                "the disputed c6 is left out");
        assertEquals(
                List.of(2L, 2L, 1L),
                countsAt(panel("framing-vs-reactions", "reader-stance", "&min-confidence=0.5"), russia),
                "the model's unsure c5 is left out");
        assertEquals(
                List.of(0L, 1L, 0L),
                countsAt(panel("framing-vs-reactions", "reader-stance", "&source=model"), russia),
                "only the model's labels");
        assertEquals(
                List.of(1L, 1L, 0L),
                countsAt(panel("framing-vs-reactions", "reader-stance", "&from=2025-12-01&to=2025-12-01"), russia),
                "only the first day's comments");
        assertTrue(panel("framing-vs-reactions", "reader-stance", "&source=adjudicated")
                .getList("labels")
                .contains("Russia — author: against"));
    }

    @Test
    void alignment_is_the_share_of_stance_taking_comments_on_the_authors_side_most_divergent_first() {
        JsonPath panel = panel("framing-vs-reactions", "alignment", "");
        assertEquals(
                "Russia (author against)", panel.getString("labels[0]"), "Russia (40%) diverges more than Ukraine");
        assertEquals(40.0, panel.getDouble("series[0].values[0]"), 1e-4);
        assertEquals(5, panel.getInt("series[0].counts[0]"));
        assertNull(panel.get("series[0].values[1]"), "no comment takes a stance on Ukraine");
        assertTrue(panel.getList("notes").contains("Overall 40% of 5 stance-taking comments side with the author."));
    }

    @Test
    void the_drill_down_lists_exactly_the_items_a_bar_counted() {
        JsonPath favor = items("kind=comment&key=russia&value=favor");
        assertEquals(3, favor.getInt("total"));
        assertEquals(List.of(comments.get(0), comments.get(4), comments.get(5)), favor.getList("items.id", Long.class));
        assertEquals(
                2,
                items("kind=comment&key=russia&value=favor&include-disputed=false")
                        .getInt("total"));
        assertEquals(
                List.of(comments.get(1)),
                items("kind=comment&key=russia&value=against&uncivil=true").getList("items.id", Long.class));
        JsonPath c5 = items("item=" + comments.get(4));
        assertEquals("model", c5.getString("items[0].labels.find { it.key == 'russia' }.source"));
        assertTrue(c5.getString("items[0].labels.find { it.key == 'russia' }.model")
                .startsWith("transfer:default"));
    }

    @Test
    void heatmap_cells_tone_shares_and_the_time_line_match_the_labels() {
        JsonPath heatmap = panel("framing-vs-reactions", "comments", "");
        int russia = heatmap.getList("columns").indexOf("Russia");
        assertEquals(6, heatmap.getList("rows").size());
        assertEquals(
                List.of("favor", "against", "against", "none", "favor", "favor"),
                heatmap.getList("rows.cells.value").stream()
                        .map(cells -> ((List<?>) cells).get(russia))
                        .toList());

        JsonPath tone = panel("framing-vs-reactions", "tone", "");
        assertEquals(100.0 * 2 / 3, tone.getDouble("series.find { it.value == 'negative' }.values[1]"), 1e-4);
        assertEquals(50.0, tone.getDouble("series.find { it.value == 'uncivil' }.values[1]"), 1e-4);

        JsonPath incivility = panel("sentiment-and-civility", "incivility-by-stance", "");
        int russiaBar = incivility.getList("labels").indexOf("Russia");
        assertEquals(
                50.0,
                incivility.getDouble("series.find { it.value == 'against' }.values[" + russiaBar + "]"),
                1e-4,
                "of the two comments against Russia with an incivility label, one is uncivil");
        assertNull(incivility.get("series.find { it.value == 'favor' }.values[" + russiaBar + "]"));

        JsonPath time = panel("framing-vs-reactions", "over-time", "");
        assertEquals(List.of("2025-12-01", "2025-12-02"), time.getList("labels"));
        JsonPath russiaLine = new JsonPath(time.prettify());
        assertEquals(
                0.0,
                russiaLine.getDouble("series.find { it.value == 'russia' }.values[0]"),
                1e-4,
                "one for, one against");
        assertEquals(
                100.0 / 3,
                russiaLine.getDouble("series.find { it.value == 'russia' }.values[1]"),
                1e-4,
                "c3 against, c5 and c6 for");
    }

    @Test
    void the_corpus_overview_reads_the_rollups_and_a_csv_neutralises_formulas() {
        rollups.refreshAll();
        JsonPath overview = panel("corpus-overview", "documents", "&top=200&q=Aggregates");
        int row = indexOf(overview.getList("rows.label"), Document.<Document>findById(document) == null ? "" : title());
        assertTrue(row >= 0);
        assertEquals("40% of 5", overview.getString("rows[" + row + "].cells[1].text"));
        assertTrue(overview.getString("rows[" + row + "].cells[2].text").startsWith("russia (40%"));

        String csv = given().auth()
                .preemptive()
                .basic("admin", Browser.ADMIN_PASSWORD)
                .get("/api/dashboards/framing-vs-reactions/panels/comments?format=csv&document=" + document)
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .extract()
                .asString();
        assertTrue(csv.startsWith("\"item\",\"Professional diplomacy\""), csv);
        assertEquals("'=1+1", PanelCsv.text("=1+1"));
        assertEquals("'-2", PanelCsv.text("-2"));
        assertEquals("plain", PanelCsv.text("plain"));
    }

    private String title() {
        return QuarkusTransaction.requiringNew().call(() -> ((Document) Document.findById(document)).title);
    }

    private JsonPath panel(String dashboard, String panel, String query) {
        String separator = dashboard.equals("corpus-overview") ? "?source=current" : "?document=" + document;
        return given().auth()
                .preemptive()
                .basic("admin", Browser.ADMIN_PASSWORD)
                .get("/api/dashboards/" + dashboard + "/panels/" + panel + separator + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private JsonPath items(String query) {
        return given().auth()
                .preemptive()
                .basic("admin", Browser.ADMIN_PASSWORD)
                .get("/api/documents/" + document + "/items?" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static List<Long> countsAt(JsonPath panel, int index) {
        List<Long> counts = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            counts.add(panel.getLong("series[" + s + "].counts[" + index + "]"));
        }
        return counts;
    }

    private static int indexOf(List<Object> list, Object value) {
        int i = list.indexOf(value);
        assertTrue(i >= 0, value + " not in " + list);
        return i;
    }
}
