package dev.counterpoint.labels;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.counterpoint.platform.Browser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AnnotationQualityTest {

    @Inject
    LabelFixtures fixtures;

    @Inject
    PersonLabelWriter writer;

    @Test
    void the_dashboard_shows_cohens_kappa_of_two_annotators_as_the_published_two_by_two_example() {
        String[] texts = new String[100];
        java.util.Arrays.fill(texts, "The UK again.");
        List<Long> items = fixtures.comments("kappa", texts);
        // [[20, 20], [10, 50]]: rows are the first coder's favor/against, columns the second's; kappa 0.348.
        Map<Long, List<LabelChoice>> first = new HashMap<>();
        Map<Long, List<LabelChoice>> second = new HashMap<>();
        List<String[]> cells = new ArrayList<>();
        add(cells, 20, "favor", "favor");
        add(cells, 20, "favor", "against");
        add(cells, 10, "against", "favor");
        add(cells, 50, "against", "against");
        for (int i = 0; i < items.size(); i++) {
            first.put(items.get(i), List.of(LabelFixtures.stance("uk", cells.get(i)[0])));
            second.put(items.get(i), List.of(LabelFixtures.stance("uk", cells.get(i)[1])));
        }
        QuarkusTransaction.requiringNew().run(() -> writer.appendAll(first, LabelSource.HUMAN, "kappa-a", null, null));
        QuarkusTransaction.requiringNew().run(() -> writer.appendAll(second, LabelSource.HUMAN, "kappa-b", null, null));

        String pairs = given().auth()
                .preemptive()
                .basic("admin", Browser.ADMIN_PASSWORD)
                .get("/api/dashboards/annotation-quality/panels/coder-pairs?codebook=default")
                .then()
                .statusCode(200)
                .body("codebook", containsString("codebook default"))
                .body("rows.label", hasItem("The UK: kappa-a × kappa-b"))
                .extract()
                .asString();
        assertTrue(pairs.contains("\"text\":\"0.348 ["), pairs);

        given().auth()
                .preemptive()
                .basic("admin", Browser.ADMIN_PASSWORD)
                .get("/api/dashboards/annotation-quality/panels/agreement?codebook=default")
                .then()
                .statusCode(200)
                .body("rows.label", hasItem("The UK"))
                .body("columns", hasItem("Krippendorff's α (nominal)"));
        given().auth()
                .preemptive()
                .basic("admin", Browser.ADMIN_PASSWORD)
                .get("/api/agreement?codebook=default")
                .then()
                .statusCode(200)
                .body("families.key", hasItem("uk"));
    }

    private static void add(List<String[]> cells, int count, String a, String b) {
        for (int i = 0; i < count; i++) {
            cells.add(new String[] {a, b});
        }
    }
}
