package dev.counterpoint.users;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.counterpoint.platform.Browser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SignInTest {

    @Test
    void a_wrong_password_returns_to_the_sign_in_page_with_a_message() {
        Response response = given().redirects()
                .follow(false)
                .formParam("j_username", "admin")
                .formParam("j_password", "wrong")
                .post("/j_security_check");
        assertEquals(302, response.statusCode());
        String location = response.header("Location");
        given().when()
                .get(location.replaceFirst("https?://[^/]+", ""))
                .then()
                .statusCode(200)
                .body(containsString("do not match"));
    }

    @Test
    void signing_in_sets_a_session_cookie_and_opens_the_documents() {
        Response response = given().redirects()
                .follow(false)
                .formParam("j_username", "admin")
                .formParam("j_password", Browser.ADMIN_PASSWORD)
                .post("/j_security_check");
        assertEquals(302, response.statusCode());
        String session = response.cookie("counterpoint-session");
        assertNotNull(session);
        given().cookie("counterpoint-session", session)
                .when()
                .get("/")
                .then()
                .statusCode(200)
                .body(containsString("<h1>Documents</h1>"));
    }

    @Test
    void signing_out_without_the_csrf_token_is_refused() {
        given().auth()
                .preemptive()
                .basic("admin", Browser.ADMIN_PASSWORD)
                .redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("nothing", "1")
                .when()
                .post("/logout")
                .then()
                .statusCode(400);
    }
}
