package dev.counterpoint.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SyntheticCorpusTest {

    @Inject
    SyntheticCorpus corpus;

    @Inject
    DataSource dataSource;

    @Test
    void the_generator_labels_every_item_from_all_three_sources_and_counts_them_in_the_rollups() throws Exception {
        long before = count("SELECT count(*) FROM document WHERE external_key LIKE 'synthetic:%'");
        corpus.generate(3, 60, new PrintStream(PrintStream.nullOutputStream()));
        assertEquals(before + 3, count("SELECT count(*) FROM document WHERE external_key LIKE 'synthetic:%'"));
        String synthetic =
                "FROM item i JOIN document d ON d.id = i.document_id WHERE d.external_key LIKE 'synthetic:%'";
        long items = count("SELECT count(*) " + synthetic);
        assertEquals((before + 3) * (1 + 5 + 60), items);
        assertEquals(
                items * 9,
                count("SELECT count(*) FROM current_label c JOIN item i ON i.id = c.item_id "
                        + "JOIN document d ON d.id = i.document_id WHERE d.external_key LIKE 'synthetic:%'"),
                "one current label per item and key");
        for (String source : new String[] {"model", "human", "adjudicated"}) {
            assertTrue(
                    count(
                                    "SELECT count(*) FROM label l JOIN item i ON i.id = l.item_id JOIN document d ON d.id = i.document_id "
                                            + "WHERE d.external_key LIKE 'synthetic:%' AND l.source = '" + source + "'")
                            > 0,
                    source);
        }
        assertEquals(0, count("SELECT count(*) FROM rollup_stale"));
        assertEquals(
                count(
                        "SELECT count(*) FROM current_label c JOIN item i ON i.id = c.item_id JOIN document d ON d.id = i.document_id "
                                + "WHERE d.external_key LIKE 'synthetic:%' AND c.dimension = 'stance'"),
                count(
                        "SELECT sum(n) FROM document_rollup r JOIN document d ON d.id = r.document_id "
                                + "WHERE d.external_key LIKE 'synthetic:%' AND r.label_view = 'current' AND r.dimension = 'stance'"),
                "the rollup counts every current stance label once");
        assertTrue(count("SELECT count(*) FROM document_rollup WHERE disputed") > 0, "some are disputed");
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
