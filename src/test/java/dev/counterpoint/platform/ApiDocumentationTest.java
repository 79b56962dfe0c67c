package dev.counterpoint.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ApiDocumentationTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void the_openapi_document_describes_the_api_and_how_to_authenticate() {
        given().auth()
                .preemptive()
                .basic("admin", Browser.ADMIN_PASSWORD)
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("paths", hasKey("/api/dashboards"))
                .body("paths", hasKey("/api/items/{id}/labels"))
                .body("components.securitySchemes.apiToken.scheme", org.hamcrest.Matchers.equalTo("bearer"))
                .body("info.description", containsString("application/problem+json"));
    }

    @Test
    void the_api_docs_page_has_no_inline_script_and_keeps_the_strict_policy() {
        given().auth()
                .preemptive()
                .basic("admin", Browser.ADMIN_PASSWORD)
                .get("/api-docs/")
                .then()
                .statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .body(not(containsString("<script>")));
    }

    @Test
    void swagger_ui_draws_the_operations_under_the_strict_policy() {
        try (Browser browser = Browser.open(root.toString()).signInAsAdmin()) {
            browser.go("/api-docs/");
            browser.waitUntil(d -> !d.findElements(By.cssSelector(".opblock")).isEmpty());
            int operations =
                    browser.driver().findElements(By.cssSelector(".opblock")).size();
            assertTrue(operations > 20, "operations drawn: " + operations);
            List<String> violations = browser.consoleErrors().stream()
                    .filter(m -> m.contains("Content Security Policy"))
                    .toList();
            assertEquals(List.of(), violations);
        }
    }
}
