package dev.counterpoint.labels;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person signed in as a browser is: the session cookie from the sign-in form, and the CSRF cookie and token a page
 * hands out. Calls carry the cookies; {@link #withToken()} adds the token header as the pages' scripts do.
 */
public final class SignedInClient {

    private static final Pattern TOKEN = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");

    private final Map<String, String> cookies = new HashMap<>();
    private String token;

    private SignedInClient() {}

    public static SignedInClient signIn(String username, String password) {
        SignedInClient client = new SignedInClient();
        Response signIn = given().redirects()
                .follow(false)
                .contentType(ContentType.URLENC)
                .formParam("j_username", username)
                .formParam("j_password", password)
                .post("/j_security_check");
        client.cookies.putAll(signIn.getCookies());
        if (!client.cookies.containsKey("counterpoint-session")) {
            throw new IllegalStateException("signing in as " + username + " failed: " + signIn.statusCode());
        }
        Response page = client.request().get("/account");
        client.cookies.putAll(page.getCookies());
        Matcher matcher = TOKEN.matcher(page.asString());
        if (!matcher.find()) {
            throw new IllegalStateException("no CSRF token on the account page");
        }
        client.token = matcher.group(1);
        return client;
    }

    /** Cookies only: what a forged cross-site request would carry. */
    public RequestSpecification request() {
        return given().redirects().follow(false).cookies(cookies);
    }

    public RequestSpecification withToken() {
        return request().header("X-CSRF-TOKEN", token);
    }

    public String token() {
        return token;
    }
}
