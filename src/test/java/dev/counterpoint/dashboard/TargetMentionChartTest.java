package dev.counterpoint.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.counterpoint.corpus.CorpusFixtures;
import dev.counterpoint.corpus.CorpusImporter;
import dev.counterpoint.platform.Browser;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TargetMentionChartTest {

    @Inject
    CorpusImporter importer;

    @Test
    void counts_the_paragraphs_and_comments_that_name_each_target() {
        long id = importer.importDocument(CorpusFixtures.document(
                        CorpusFixtures.uniqueKey("mentions"),
                        List.of("Russia and Ukraine talk.", "The Kremlin waits.", "Nothing here."),
                        List.of("Putin again", "let us be calm", "The US and the EU", "Kyiv! Moscow!")))
                .document()
                .id;
        given().auth()
                .preemptive()
                .basic("admin", Browser.ADMIN_PASSWORD)
                .when()
                .get("/api/documents/" + id + "/charts/target-mentions")
                .then()
                .statusCode(200)
                .body("paragraphs", equalTo(3))
                .body("comments", equalTo(4))
                .body("targets.find { it.slug == 'russia' }.paragraphs", equalTo(2))
                .body("targets.find { it.slug == 'russia' }.comments", equalTo(2))
                .body("targets.find { it.slug == 'ukraine' }.paragraphs", equalTo(1))
                .body("targets.find { it.slug == 'ukraine' }.comments", equalTo(1))
                .body("targets.find { it.slug == 'us-government' }.comments", equalTo(1))
                .body("targets.find { it.slug == 'europe' }.comments", equalTo(1))
                .body("targets.find { it.slug == 'uk' }.comments", equalTo(0))
                .body("targets.size()", equalTo(7));
    }

    @Test
    void an_unknown_document_is_a_404_with_a_json_error() {
        given().auth()
                .preemptive()
                .basic("admin", Browser.ADMIN_PASSWORD)
                .when()
                .get("/api/documents/999999/charts/target-mentions")
                .then()
                .statusCode(404)
                .body("detail", equalTo("There is no document 999999."));
    }
}
