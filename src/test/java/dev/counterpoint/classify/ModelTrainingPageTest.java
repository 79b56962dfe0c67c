package dev.counterpoint.classify;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.counterpoint.classify.jobs.ClassificationRequests;
import dev.counterpoint.classify.jobs.ClassificationWorker;
import dev.counterpoint.classify.jobs.JobStatus;
import dev.counterpoint.codebook.CodebookFile;
import dev.counterpoint.codebook.CodebookRegistry;
import dev.counterpoint.corpus.CorpusFixtures;
import dev.counterpoint.corpus.CorpusImporter;
import dev.counterpoint.corpus.Document;
import dev.counterpoint.corpus.DocumentImport;
import dev.counterpoint.corpus.Item;
import dev.counterpoint.corpus.ItemKind;
import dev.counterpoint.labels.Dimension;
import dev.counterpoint.labels.LabelWriter;
import dev.counterpoint.labels.ModelVersion;
import dev.counterpoint.labels.NewLabel;
import dev.counterpoint.platform.Browser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ModelTrainingPageTest {

    @Inject
    CodebookRegistry codebooks;

    @Inject
    CorpusImporter importer;

    @Inject
    ClassificationRequests requests;

    @Inject
    ClassificationWorker worker;

    @Inject
    LabelWriter labels;

    @Test
    void training_from_peoples_labels_shows_cross_validated_scores_calibration_and_the_items_still_wrong() {
        String slug = "page-test-" + System.nanoTime() % 1_000_000;
        codebooks.register(CodebookFile.parse("""
                slug: %s
                name: Page test
                targets:
                  - slug: kettle
                    name: The kettle
                    description: An electric kettle.
                    aliases: [kettle]
                    favor: [The kettle is wonderful.]
                    against: [The kettle is awful.]
                """.formatted(slug), "test"), "test");
        List<String> comments = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            comments.add("blorf number " + i + " says the kettle <b>boils</b>");
            comments.add("zimzam number " + i + " says the kettle <b>boils</b>");
        }
        long id = importer.importDocument(new DocumentImport(
                        CorpusFixtures.uniqueKey("page"),
                        "Page",
                        null,
                        null,
                        null,
                        null,
                        slug,
                        List.of(new DocumentImport.Paragraph("A kettle.", false)),
                        CorpusFixtures.document("x", List.of("x"), comments).comments()))
                .document()
                .id;
        QuarkusTransaction.requiringNew().run(() -> {
            List<NewLabel> human = new ArrayList<>();
            for (Item item : Item.ofKind(Document.findById(id), ItemKind.COMMENT)) {
                // One person disagrees with the pattern: the model cannot learn it, so it stays an error.
                boolean odd = item.text.startsWith("blorf number 7 ");
                String value = item.text.startsWith("blorf") != odd ? "favor" : "against";
                human.add(NewLabel.human(item.id, Dimension.STANCE, "kettle", value, "ann"));
            }
            labels.append(human);
        });
        JobStatus training = requests.train(slug, "test");
        worker.drain();
        assertEquals(
                "done",
                requests.status(training.id()).status(),
                requests.status(training.id()).error());
        long model = QuarkusTransaction.requiringNew()
                .call(() -> ModelVersion.<ModelVersion>find("name like ?1", "trained:" + slug + "%")
                        .firstResult()
                        .id);

        String page =
                admin().when().get("/models").then().statusCode(200).extract().asString();
        int section = page.indexOf("trained:" + slug);
        String mine = page.substring(section);
        org.hamcrest.MatcherAssert.assertThat(mine, containsString("trained+transfer"));
        org.hamcrest.MatcherAssert.assertThat(mine, containsString("class=\"num cv-score\""));
        org.hamcrest.MatcherAssert.assertThat(mine, containsString("Items this version still gets wrong"));
        org.hamcrest.MatcherAssert.assertThat(mine, containsString("href=\"/documents/" + id + "#c"));
        org.hamcrest.MatcherAssert.assertThat(
                mine, containsString("blorf number 7 says the kettle &lt;b&gt;boils&lt;/b&gt;"));
        org.hamcrest.MatcherAssert.assertThat(mine, containsString("/api/models/" + model + "/reliability"));

        admin().when()
                .get("/api/models/" + model + "/reliability")
                .then()
                .statusCode(200)
                .body("dimensions.name", hasItem("stance"));
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", Browser.ADMIN_PASSWORD);
    }
}
