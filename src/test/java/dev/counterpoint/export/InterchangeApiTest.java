package dev.counterpoint.export;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.counterpoint.platform.Browser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class InterchangeApiTest {

    private static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", Browser.ADMIN_PASSWORD);
    }

    @Test
    void a_csv_posted_to_the_import_api_is_stored_and_its_export_downloads_as_csv() {
        String key = "api-" + System.nanoTime();
        int id = admin().contentType("text/csv")
                .body("id,text,sentiment\nc1,\"Hello, API\",positive\n")
                .queryParam("format", "csv")
                .queryParam("document", key)
                .queryParam("title", "From the API")
                .post("/api/imports")
                .then()
                .statusCode(200)
                .body("summary.documentsCreated", equalTo(1))
                .body("summary.labels", equalTo(1))
                .body("jobs[0].kind", equalTo("classify"))
                .extract()
                .path("summary.documents[0].id");

        admin().queryParam("document", id)
                .get("/api/export/csv")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("counterpoint-document-" + id + ".csv"))
                .body(containsString("\"Hello, API\""))
                .body(containsString("positive,human,admin"));
        admin().queryParam("document", id)
                .get("/api/export/parquet")
                .then()
                .statusCode(200)
                .contentType(startsWith("application/vnd.apache.parquet"));
        admin().queryParam("document", id)
                .get("/api/export/label-studio/config")
                .then()
                .statusCode(200)
                .body(containsString("<Choices name=\"sentiment\" toName=\"text\""));
    }

    @Test
    void bad_requests_get_a_message_a_person_can_act_on() {
        admin().contentType("text/csv")
                .body("text,sentiment\nfine,superb\n")
                .queryParam("format", "csv")
                .post("/api/imports")
                .then()
                .statusCode(400)
                .body("detail", startsWith("Line 2: 'superb' is not a value for sentiment"));
        admin().contentType("text/csv")
                .body("text\nx\n")
                .queryParam("format", "xlsx")
                .post("/api/imports")
                .then()
                .statusCode(400)
                .body("detail", containsString("'xlsx' is not an import format"));
        admin().queryParam("history", "true")
                .get("/api/export/csv")
                .then()
                .statusCode(400)
                .body("detail", containsString("history is in the JSONL and Parquet exports"));
        admin().queryParam("min-confidence", "2")
                .get("/api/export/jsonl")
                .then()
                .statusCode(400);
    }
}
