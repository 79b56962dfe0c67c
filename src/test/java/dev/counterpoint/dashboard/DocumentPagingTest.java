package dev.counterpoint.dashboard;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.counterpoint.corpus.CorpusImporter;
import dev.counterpoint.corpus.DocumentImport;
import dev.counterpoint.platform.Browser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DocumentPagingTest {

    private static final Pattern COMMENT = Pattern.compile("<li class=\"comment\" id=\"c(\\d+)\"");

    @Inject
    CorpusImporter importer;

    @Test
    void a_document_with_many_comments_shows_them_a_page_at_a_time_and_links_replies_across_pages() {
        List<DocumentImport.Comment> comments = new ArrayList<>();
        for (int i = 1; i <= 450; i++) {
            comments.add(
                    new DocumentImport.Comment("c" + i, "reader" + i, null, i == 450 ? "c1" : null, "Comment " + i));
        }
        long id = QuarkusTransaction.requiringNew()
                .call(() -> importer.importDocument(new DocumentImport(
                                "paging-" + System.nanoTime(),
                                "Many comments",
                                null,
                                null,
                                null,
                                null,
                                null,
                                List.of(new DocumentImport.Paragraph("A paragraph.", false)),
                                comments))
                        .document()
                        .id);

        String first = page(id, 1);
        assertEquals(positions(1, 200), shown(first));
        assertTrue(first.contains("Reader comments (450)"), "the heading counts every comment");
        assertTrue(first.contains("Comments 1–200 of 450 (page 1 of 3)"));
        assertTrue(first.contains("href=\"?page=2#comments-heading\""));

        String last = page(id, 3);
        assertEquals(positions(401, 450), shown(last));
        assertTrue(last.contains("href=\"?page=1#c1\""), "a reply links to its parent on the page that holds it");

        given().auth()
                .preemptive()
                .basic("admin", Browser.ADMIN_PASSWORD)
                .get("/documents/" + id + "?page=4")
                .then()
                .statusCode(404);
    }

    private static String page(long id, int page) {
        return given().auth()
                .preemptive()
                .basic("admin", Browser.ADMIN_PASSWORD)
                .get("/documents/" + id + "?page=" + page)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private static List<Integer> shown(String html) {
        List<Integer> positions = new ArrayList<>();
        Matcher m = COMMENT.matcher(html);
        while (m.find()) {
            positions.add(Integer.parseInt(m.group(1)));
        }
        return positions;
    }

    private static List<Integer> positions(int first, int last) {
        List<Integer> positions = new ArrayList<>();
        for (int i = first; i <= last; i++) {
            positions.add(i);
        }
        return positions;
    }
}
