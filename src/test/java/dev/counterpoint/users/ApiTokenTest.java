package dev.counterpoint.users;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.counterpoint.labels.LabelFixtures;
import dev.counterpoint.labels.SignedInClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ApiTokenTest {

    private static final Pattern NEW_TOKEN = Pattern.compile("<code id=\"new-token\">([^<]+)</code>");
    private static final String SAVE = """
            {"labels": [{"dimension": "stance", "target": "russia", "value": "against"}], "seenVersion": 0}""";

    @Inject
    LabelFixtures fixtures;

    private long item;

    @BeforeEach
    void people() {
        fixtures.user("tokenviewer", Role.VIEWER);
        fixtures.user("tokenannotator", Role.ANNOTATOR);
        item = fixtures.comments("token", "Russia says it again.").get(0);
    }

    @Test
    void an_api_call_without_credentials_gets_401_with_a_problem_that_says_how_to_sign_in() {
        given().redirects()
                .follow(false)
                .get("/api/dashboards")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401))
                .body("title", equalTo("Not signed in"))
                .body("type", equalTo("tag:counterpoint.dev,2026:problem/not-signed-in"))
                .body("detail", containsString("Authorization: Bearer"))
                .body("instance", equalTo("/api/dashboards"));
    }

    @Test
    void a_page_without_a_session_still_redirects_to_the_sign_in_page() {
        Response page = given().redirects().follow(false).get("/queue");
        assertEquals(302, page.statusCode());
        assertTrue(page.header("Location").contains("/login"), page.header("Location"));
    }

    @Test
    void a_token_is_shown_once_stored_as_its_hash_and_acts_with_its_owners_role_until_revoked() {
        SignedInClient viewer = SignedInClient.signIn("tokenviewer", LabelFixtures.PASSWORD);
        String token = makeToken(viewer, "nightly export");
        assertTrue(token.startsWith("cpt_") && token.length() > 40, token);
        String stored = QuarkusTransaction.requiringNew()
                .call(() -> ApiToken.<ApiToken>find("name = ?1 and user.username = ?2", "nightly export", "tokenviewer")
                        .firstResult()
                        .tokenHash);
        assertEquals(ApiTokens.hash(token), stored);
        assertFalse(stored.contains(token));
        String accountPage = viewer.request().get("/account").asString();
        assertFalse(accountPage.contains(token), "the token is shown only in the answer that made it");

        given().header("Authorization", "Bearer " + token)
                .get("/api/dashboards")
                .then()
                .statusCode(200);
        given().header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON)
                .body(SAVE)
                .post("/api/items/" + item + "/labels")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("tag:counterpoint.dev,2026:problem/forbidden"))
                .body("detail", containsString("Your role does not allow this"));

        long id = QuarkusTransaction.requiringNew()
                .call(() -> ApiToken.<ApiToken>find("tokenHash", stored).firstResult().id);
        viewer.request()
                .contentType(ContentType.URLENC)
                .formParam("csrf-token", viewer.token())
                .post("/account/tokens/" + id + "/revoke")
                .then()
                .statusCode(303);
        given().header("Authorization", "Bearer " + token)
                .get("/api/dashboards")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("detail", containsString("unknown or revoked"));
    }

    @Test
    void an_annotators_token_saves_labels_without_a_csrf_token() {
        SignedInClient annotator = SignedInClient.signIn("tokenannotator", LabelFixtures.PASSWORD);
        String token = makeToken(annotator, "labelling script");
        given().header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON)
                .body(SAVE)
                .post("/api/items/" + item + "/labels")
                .then()
                .statusCode(200)
                .body("version", equalTo(1));
    }

    @Test
    void a_made_up_token_is_refused() {
        given().header("Authorization", "Bearer cpt_not-a-real-token")
                .get("/api/dashboards")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    private static String makeToken(SignedInClient client, String name) {
        String page = client.request()
                .contentType(ContentType.URLENC)
                .formParam("csrf-token", client.token())
                .formParam("name", name)
                .post("/account/tokens")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Matcher matcher = NEW_TOKEN.matcher(page);
        assertTrue(matcher.find(), page);
        return matcher.group(1);
    }
}
