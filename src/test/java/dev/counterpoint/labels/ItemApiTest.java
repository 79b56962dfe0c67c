package dev.counterpoint.labels;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.counterpoint.labels.assign.Assignments;
import dev.counterpoint.users.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ItemApiTest {

    private static final String SAVE = """
            {"labels": [{"dimension": "stance", "target": "russia", "value": "against"},
                        {"dimension": "sentiment", "value": "negative"}],
             "note": "<script>alert(1)</script> sarcasm", "seenVersion": 0}""";

    @Inject
    LabelFixtures fixtures;

    @Inject
    Assignments assignments;

    private long item;

    @BeforeEach
    void anItem() {
        fixtures.user("vera", Role.VIEWER);
        fixtures.user("anna", Role.ANNOTATOR);
        fixtures.user("ben", Role.ANNOTATOR);
        item = fixtures.comments("api", "Russia is at it again.").get(0);
        fixtures.model(item, "russia", "favor", 0.45);
    }

    @Test
    void an_annotator_saves_labels_that_append_to_the_history_with_the_note_kept_as_text() {
        SignedInClient anna = SignedInClient.signIn("anna", LabelFixtures.PASSWORD);
        anna.withToken()
                .contentType(ContentType.JSON)
                .body(SAVE)
                .post("/api/items/" + item + "/labels")
                .then()
                .statusCode(200)
                .body("version", equalTo(1))
                .body("item.history", hasSize(3))
                .body("item.history.source", hasItem("human"))
                .body("item.history.note", hasItem("<script>alert(1)</script> sarcasm"))
                .body("item.current.find { it.target == 'russia' }.value", equalTo("against"))
                .body("item.current.find { it.target == 'russia' }.display", equalTo("against: Russia"))
                .body("item.queue.find { it.target == 'russia' }.overturned", equalTo(true));
    }

    @Test
    void a_viewer_cannot_relabel_even_with_a_valid_session_and_token() {
        SignedInClient vera = SignedInClient.signIn("vera", LabelFixtures.PASSWORD);
        vera.withToken()
                .contentType(ContentType.JSON)
                .body(SAVE)
                .post("/api/items/" + item + "/labels")
                .then()
                .statusCode(403);
        vera.request()
                .contentType(ContentType.JSON)
                .body(SAVE)
                .post("/api/items/" + item + "/labels")
                .then()
                .statusCode(403);
        vera.request().get("/api/items/" + item).then().statusCode(200).body("history", hasSize(1));
    }

    @Test
    void a_session_request_without_the_csrf_token_is_refused_and_changes_nothing() {
        SignedInClient anna = SignedInClient.signIn("anna", LabelFixtures.PASSWORD);
        anna.request()
                .contentType(ContentType.JSON)
                .body(SAVE)
                .post("/api/items/" + item + "/labels")
                .then()
                .statusCode(403)
                .body("detail", containsString("X-CSRF-TOKEN"));
        anna.request()
                .header("X-CSRF-TOKEN", "not-the-token")
                .contentType(ContentType.JSON)
                .body(SAVE)
                .post("/api/items/" + item + "/labels")
                .then()
                .statusCode(400);
        assertEquals(
                1,
                QuarkusTransaction.requiringNew()
                        .call(() -> Label.historyOf(item).size()));
    }

    @Test
    void bad_labels_are_refused_with_what_to_do() {
        SignedInClient anna = SignedInClient.signIn("anna", LabelFixtures.PASSWORD);
        anna.withToken()
                .contentType(ContentType.JSON)
                .body("{\"labels\": [{\"dimension\": \"stance\", \"target\": \"mars\", \"value\": \"favor\"}]}")
                .post("/api/items/" + item + "/labels")
                .then()
                .statusCode(400)
                .body("detail", containsString("'mars' is not a target"));
        anna.withToken()
                .contentType(ContentType.JSON)
                .body("{\"labels\": [{\"dimension\": \"stance\", \"target\": \"russia\", \"value\": \"maybe\"}]}")
                .post("/api/items/" + item + "/labels")
                .then()
                .statusCode(400)
                .body("detail", containsString("favor, against, none"));
        anna.withToken()
                .contentType(ContentType.JSON)
                .body("{\"labels\": []}")
                .post("/api/items/" + item + "/labels")
                .then()
                .statusCode(400);
    }

    @Test
    void an_admin_decision_on_a_stale_view_gets_409_with_the_changes() {
        SignedInClient admin = SignedInClient.signIn("admin", dev.counterpoint.platform.Browser.ADMIN_PASSWORD);
        int seen = admin.request().get("/api/items/" + item).then().extract().path("labelVersion");
        fixtures.human(item, "ben", "russia", "none");
        admin.withToken()
                .contentType(ContentType.JSON)
                .body(
                        "{\"dimension\": \"stance\", \"target\": \"russia\", \"value\": \"favor\", \"reason\": \"clear\", "
                                + "\"seenVersion\": " + seen + "}")
                .post("/api/items/" + item + "/adjudication")
                .then()
                .statusCode(409)
                .body("detail", containsString("since you opened it"))
                .body("changes[0].who", equalTo("ben"))
                .body("changes[0].display", containsString("no stance"));
        SignedInClient anna = SignedInClient.signIn("anna", LabelFixtures.PASSWORD);
        anna.withToken()
                .contentType(ContentType.JSON)
                .body("{\"dimension\": \"stance\", \"target\": \"russia\", \"value\": \"favor\", \"reason\": \"x\", "
                        + "\"seenVersion\": 1}")
                .post("/api/items/" + item + "/adjudication")
                .then()
                .statusCode(403);
    }

    @Test
    void a_double_coder_does_not_see_the_other_coders_label_until_they_have_labelled() {
        fixtures.human(item, "ben", "russia", "against");
        assignments.create(
                new Assignments.Request(
                        "blind pair", fixtures.documentOf(item), null, null, null, List.of("anna", "ben"), 2, true),
                "admin");
        SignedInClient anna = SignedInClient.signIn("anna", LabelFixtures.PASSWORD);
        anna.request()
                .get("/api/items/" + item)
                .then()
                .statusCode(200)
                .body("masked", containsString("blind"))
                .body("history.annotator", not(hasItem("ben")))
                .body("history.source", not(hasItem("model")))
                .body("history", hasSize(0));

        anna.withToken()
                .contentType(ContentType.JSON)
                .body("{\"labels\": [{\"dimension\": \"stance\", \"target\": \"russia\", \"value\": \"favor\"}]}")
                .post("/api/items/" + item + "/labels")
                .then()
                .statusCode(200)
                .body("item.masked", equalTo(null))
                .body("item.history.who", hasItem("ben"));
    }
}
