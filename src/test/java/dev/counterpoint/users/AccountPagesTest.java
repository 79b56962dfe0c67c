package dev.counterpoint.users;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import dev.counterpoint.platform.Browser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AccountPagesTest {

    @Test
    void an_admin_adds_a_viewer_who_can_read_but_not_manage_users() {
        String name = "viewer" + System.nanoTime() % 100000;
        postForm(
                        "admin",
                        Browser.ADMIN_PASSWORD,
                        "/admin/users",
                        "/admin/users",
                        "username",
                        name,
                        "password",
                        "viewer-password-1",
                        "role",
                        "viewer")
                .then()
                .statusCode(303)
                .header("Location", containsString("created=" + name));
        given().auth()
                .preemptive()
                .basic(name, "viewer-password-1")
                .get("/")
                .then()
                .statusCode(200);
        given().auth()
                .preemptive()
                .basic(name, "viewer-password-1")
                .get("/admin/users")
                .then()
                .statusCode(403);
    }

    @Test
    void a_short_password_is_refused_with_the_rule() {
        postForm(
                        "admin",
                        Browser.ADMIN_PASSWORD,
                        "/admin/users",
                        "/admin/users",
                        "username",
                        "shorty",
                        "password",
                        "short",
                        "role",
                        "viewer")
                .then()
                .statusCode(400)
                .body(containsString("at least 10 characters"));
    }

    @Test
    void people_change_their_own_password_only_with_the_current_one() {
        String name = "changer" + System.nanoTime() % 100000;
        postForm(
                        "admin",
                        Browser.ADMIN_PASSWORD,
                        "/admin/users",
                        "/admin/users",
                        "username",
                        name,
                        "password",
                        "first-password-1",
                        "role",
                        "viewer")
                .then()
                .statusCode(303);
        postForm(
                        name,
                        "first-password-1",
                        "/account",
                        "/account/password",
                        "current",
                        "wrong-password",
                        "password",
                        "second-password-2")
                .then()
                .statusCode(400)
                .body(containsString("current password is not right"));
        postForm(
                        name,
                        "first-password-1",
                        "/account",
                        "/account/password",
                        "current",
                        "first-password-1",
                        "password",
                        "second-password-2")
                .then()
                .statusCode(303);
        given().auth()
                .preemptive()
                .basic(name, "second-password-2")
                .get("/account")
                .then()
                .statusCode(200);
    }

    /** Loads the form page for its CSRF cookie and token, then posts the form as the browser would. */
    static Response postForm(String user, String password, String formPage, String action, String... fields) {
        Response page = given().auth().preemptive().basic(user, password).get(formPage);
        Matcher token =
                Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(page.asString());
        if (!token.find()) {
            throw new AssertionError("no CSRF token on " + formPage);
        }
        var request = given().auth()
                .preemptive()
                .basic(user, password)
                .redirects()
                .follow(false)
                .cookie("counterpoint-csrf", page.cookie("counterpoint-csrf"))
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", token.group(1));
        for (int i = 0; i < fields.length; i += 2) {
            request = request.formParam(fields[i], fields[i + 1]);
        }
        return request.post(action);
    }
}
