package dev.counterpoint.classify.framing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.counterpoint.classify.jobs.ClassificationRequests;
import dev.counterpoint.classify.jobs.ClassificationWorker;
import dev.counterpoint.classify.jobs.JobStatus;
import dev.counterpoint.codebook.CodebookFile;
import dev.counterpoint.codebook.CodebookRegistry;
import dev.counterpoint.corpus.CorpusFixtures;
import dev.counterpoint.corpus.CorpusImporter;
import dev.counterpoint.corpus.DocumentImport;
import dev.counterpoint.platform.Browser;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * An article written for this test argues for cycling and against a motorway, and reports the mayor's opposite
 * view only to refute it; its stance per target must come out as it argues, derived from its paragraphs.
 */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ArticleStanceFromSentencesTest {

    private static final List<String> ARTICLE = List.of(
            "Our city should build protected bike lanes on every main road. Cycling is cheap, healthy and clean, "
                    + "and safe bike lanes are the best transport investment a city can make.",
            "The planned motorway expansion is a costly mistake. Widening the motorway will bring more traffic, more "
                    + "noise and more pollution to the neighbourhoods along it.",
            "The mayor says the motorway expansion will end congestion for good and that bike lanes are a waste of "
                    + "money. That claim is wrong: new motorway lanes fill up with cars within a few years, while "
                    + "every new bike lane takes cars off the road.",
            "Invest in cycling, and scrap the motorway plan before it wastes another cent.");

    @Inject
    CodebookRegistry codebooks;

    @Inject
    CorpusImporter importer;

    @Inject
    ClassificationRequests requests;

    @Inject
    ClassificationWorker worker;

    @Inject
    DataSource dataSource;

    @Test
    void the_article_favours_what_it_argues_for_and_opposes_what_it_argues_against_despite_the_reported_view()
            throws Exception {
        long id = importArticle();
        JobStatus job = requests.classifyDocument(id, "test");
        worker.drain();
        assertEquals(
                "done",
                requests.status(job.id()).status(),
                requests.status(job.id()).error());

        assertEquals("favor", articleStance(id, "cycling"), "the article argues for cycling");
        assertEquals("against", articleStance(id, "motorway"), "the article argues against the motorway");

        JsonNode evidence = articleEvidence(id, "motorway");
        List<Integer> weighed = new ArrayList<>();
        evidence.path("paragraphs").forEach(p -> weighed.add(p.get(0).asInt()));
        assertTrue(
                weighed.containsAll(List.of(2, 3, 4)), "the paragraphs naming the motorway were weighed: " + weighed);
        assertFalse(evidence.path("sentences").isEmpty(), "the sentences that decided it are kept");
        String articleText = text("SELECT text FROM item WHERE kind = 'article' AND document_id = " + id);
        for (JsonNode s : evidence.path("sentences")) {
            String sentence = articleText.substring(s.get(0).asInt(), s.get(1).asInt());
            assertFalse(sentence.startsWith("The mayor says"), "the mayor's view did not decide it: " + sentence);
        }
        boolean mayorReported = false;
        for (JsonNode r : evidence.path("reported")) {
            mayorReported |=
                    articleText.substring(r.get(0).asInt(), r.get(1).asInt()).startsWith("The mayor says");
        }
        assertTrue(mayorReported, "the mayor's claim is marked as reported speech: " + evidence);

        JsonNode first = evidence.path("sentences").get(0);
        String decidingSentence =
                articleText.substring(first.get(0).asInt(), first.get(1).asInt());
        String page = admin().when()
                .get("/documents/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(page.contains("What decided it"), "the framing table has the column");

        // From the framing dashboard: the article's cell for the target opens the article, deciding sentences marked.
        String drill = admin().get("/api/dashboards/framing-vs-reactions/panels/article?document=" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("rows[0].cells[1].drill");
        List<Integer> marked = admin().get("/api/documents/" + id + "/items?" + drill)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items[0].highlights.findAll { it.type == 'evidence' }.start", Integer.class);
        assertTrue(marked.contains(first.get(0).asInt()), "the drill-down marks the deciding sentence: " + marked);
        List<Integer> reported = admin().get("/api/documents/" + id + "/items?" + drill)
                .then()
                .extract()
                .jsonPath()
                .getList("items[0].highlights.findAll { it.type == 'reported' }.start", Integer.class);
        assertTrue(
                reported.contains(articleText.indexOf("The mayor says")),
                "the drill-down marks the mayor's claim as reported speech: " + reported);
        assertTrue(
                page.contains("“" + decidingSentence.replace("&", "&amp;").replace("'", "&#39;") + "”"),
                "the document page shows the sentence that decided the article's stance: " + decidingSentence);
    }

    private long importArticle() {
        String slug = "framing-test-" + System.nanoTime() % 1_000_000;
        codebooks.register(CodebookFile.parse("""
                slug: %s
                name: City transport
                targets:
                  - slug: cycling
                    name: Cycling and bike lanes
                    description: Cycling as everyday transport and the bike lanes built for it.
                    aliases: [cycling, bike lane*, bicycle*, cyclist*]
                    favor: [More bike lanes would make the city healthier., I cycle to work and love it.]
                    against: [Bike lanes just clog the roads for drivers., Cycling in this city is a dangerous fad.]
                  - slug: motorway
                    name: The motorway expansion
                    description: The plan to widen the city motorway with new lanes.
                    aliases: [motorway*]
                    favor: [The wider motorway will finally end the traffic jams., We need the new motorway lanes.]
                    against: [Widening the motorway is a waste of public money., The motorway plan will ruin our air.]
                """.formatted(slug), "test"), "test");
        return importer.importDocument(new DocumentImport(
                        CorpusFixtures.uniqueKey("framing"),
                        "Build bike lanes, not motorways",
                        null,
                        "A. Writer",
                        null,
                        null,
                        slug,
                        ARTICLE.stream()
                                .map(p -> new DocumentImport.Paragraph(p, false))
                                .toList(),
                        List.of(new DocumentImport.Comment("c1", null, null, null, "Totally agree, more bike lanes!"))))
                .document()
                .id;
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", Browser.ADMIN_PASSWORD);
    }

    private String articleStance(long documentId, String target) throws Exception {
        return text("SELECT c.value FROM current_label c JOIN item i ON i.id = c.item_id WHERE i.kind = 'article' "
                + "AND i.document_id = " + documentId + " AND c.target = '" + target + "'");
    }

    private JsonNode articleEvidence(long documentId, String target) throws Exception {
        String json =
                text("SELECT l.evidence::text FROM label l JOIN item i ON i.id = l.item_id WHERE i.kind = 'article' "
                        + "AND i.document_id = " + documentId + " AND l.target = '" + target
                        + "' ORDER BY l.id DESC LIMIT 1");
        assertNotNull(json, "the article's stance keeps its evidence");
        return new ObjectMapper().readTree(json);
    }

    private String text(String sql) throws Exception {
        try (var c = dataSource.getConnection();
                var s = c.createStatement();
                var r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        }
    }
}
