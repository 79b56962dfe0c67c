package dev.counterpoint.corpus;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.counterpoint.platform.Browser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DocumentPageTest {

    static final String HOSTILE_SCRIPT = "<script>alert('x')</script> Chump's friends";
    static final String HOSTILE_IMAGE = "<img src=x onerror=alert(1)> and \"quotes\" & ampersands";

    @Test
    void the_document_list_and_page_need_a_signed_in_user() {
        given().redirects()
                .follow(false)
                .when()
                .get("/")
                .then()
                .statusCode(302)
                .header("Location", containsString("/login"));
        given().redirects().follow(false).when().get("/documents/1").then().statusCode(302);
    }

    @Test
    void the_document_page_shows_the_article_and_every_comment_escaped() {
        String key = CorpusFixtures.uniqueKey("hostile");
        String json = """
                {"id": "%s", "title": "<b>Bold</b> title",
                 "paragraphs": ["Plain paragraph.", {"text": "A heading", "heading": true}],
                 "comments": [{"id": "c1", "text": %s}, {"id": "c2", "parent": "c1", "text": %s}]}
                """.formatted(key, quote(HOSTILE_SCRIPT), quote(HOSTILE_IMAGE));
        int id = admin().contentType(ContentType.JSON)
                .body(json)
                .when()
                .post("/api/documents")
                .then()
                .statusCode(201)
                .body("created", equalTo(true))
                .extract()
                .path("id");

        admin().when()
                .get("/documents/" + id)
                .then()
                .statusCode(200)
                .body(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Chump&#39;s friends"))
                .body(containsString("&lt;img src=x onerror=alert(1)&gt; and &quot;quotes&quot; &amp; ampersands"))
                .body(containsString("&lt;b&gt;Bold&lt;/b&gt; title"))
                .body(not(containsString("<script>alert")))
                .body(not(containsString("<img src=x")))
                .body(containsString("<h3 class=\"paragraph heading\" id=\"p2\""))
                .body(containsString("<span class=\"\">A heading</span></h3>"))
                .body(containsString("in reply to #1"))
                .body(containsString("No labels yet"));
    }

    @Test
    void pages_carry_a_strict_content_security_policy() {
        admin().when()
                .get("/")
                .then()
                .statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("X-Content-Type-Options", equalTo("nosniff"));
    }

    @Test
    void importing_the_same_document_twice_reports_it_was_already_there() {
        String json = "{\"id\": \"%s\", \"title\": \"Twice\", \"paragraphs\": [\"Text.\"]}"
                .formatted(CorpusFixtures.uniqueKey("twice"));
        int first = admin().contentType(ContentType.JSON)
                .body(json)
                .post("/api/documents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        admin().contentType(ContentType.JSON)
                .body(json)
                .post("/api/documents")
                .then()
                .statusCode(200)
                .body("created", equalTo(false))
                .body("id", equalTo(first));
    }

    @Test
    void a_malformed_import_gets_a_json_error_that_says_what_is_wrong() {
        admin().contentType(ContentType.JSON)
                .body("{\"id\": \"x\", \"title\": ")
                .post("/api/documents")
                .then()
                .statusCode(400)
                .body("detail", startsWith("The JSON could not be read"));
        admin().contentType(ContentType.JSON)
                .body("{\"id\": \"no-paragraphs\", \"title\": \"T\", \"paragraphs\": []}")
                .post("/api/documents")
                .then()
                .statusCode(400)
                .body("detail", startsWith("The document 'no-paragraphs' has no article paragraphs and no comments"));
        admin().contentType(ContentType.JSON)
                .body("{\"id\": \"typo\", \"title\": \"T\", \"paragraphs\": [\"x\"], \"coments\": []}")
                .post("/api/documents")
                .then()
                .statusCode(400)
                .body("detail", containsString("coments"));
    }

    @Test
    void an_unknown_document_page_says_so() {
        admin().when()
                .get("/documents/987654")
                .then()
                .statusCode(404)
                .contentType(ContentType.HTML)
                .body(containsString("There is no document 987654."));
    }

    @Test
    void an_address_no_page_answers_gets_a_not_found_page_not_a_server_error() {
        admin().when()
                .get("/documents")
                .then()
                .statusCode(404)
                .contentType(ContentType.HTML)
                .body(containsString("There is nothing at this address."));
    }

    static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", Browser.ADMIN_PASSWORD);
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
