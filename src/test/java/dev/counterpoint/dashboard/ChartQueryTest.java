package dev.counterpoint.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.counterpoint.platform.Browser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Filters that cannot be understood are refused with a problem a person can act on, never silently ignored. */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ChartQueryTest {

    private static final String PANEL = "/api/dashboards/framing-vs-reactions/panels/reader-stance?document=1";

    @Test
    void a_well_formed_filter_is_answered() {
        admin().get(PANEL + "&min-confidence=0.5").then().statusCode(200);
    }

    @Test
    void a_misspelt_filter_is_refused_with_the_spelling_it_probably_meant() {
        admin().get(PANEL + "&min_confidence=abc")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", equalTo("Unknown filter"))
                .body("detail", containsString("Did you mean 'min-confidence'?"));
    }

    @Test
    void a_filter_that_is_not_a_number_is_refused() {
        admin().get(PANEL + "&min-confidence=abc")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("min-confidence must be a number"));
        admin().get("/api/dashboards/corpus-overview/panels/documents?page=two")
                .then()
                .statusCode(400)
                .body("detail", equalTo("page must be a whole number, not 'two'."));
        admin().get("/api/documents/1/items?key=russia&item=abc")
                .then()
                .statusCode(400)
                .body("detail", containsString("item must be a number"));
    }

    @Test
    void the_review_queue_refuses_filters_it_does_not_have() {
        admin().get("/api/queue?reasons=uncertain")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("'reasons' is not a filter of the review queue"));
    }

    private static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", Browser.ADMIN_PASSWORD);
    }
}
