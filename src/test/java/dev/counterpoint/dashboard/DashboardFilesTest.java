package dev.counterpoint.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DashboardFilesTest {

    private static final String GOOD = """
            id: mine
            title: Mine
            scope: document
            panels:
              - id: stance
                title: Stance
                what: Readers' stance.
                chart: diverging-bar
                measure: reader-stance
                group: target
            """;

    @Test
    void the_shipped_dashboards_all_load() {
        DashboardCatalog catalog = new DashboardCatalog();
        catalog.folder = Optional.empty();
        catalog.reload();
        assertEquals(0, catalog.problems().size(), catalog.problems().toString());
        assertTrue(catalog.find("framing-vs-reactions").isPresent());
        assertTrue(catalog.find("sentiment-and-civility").isPresent());
        assertTrue(catalog.find("corpus-overview").isPresent());
    }

    @Test
    void a_malformed_file_is_reported_by_file_and_field_and_the_others_still_load(@TempDir Path folder)
            throws Exception {
        Files.writeString(folder.resolve("good.yaml"), GOOD);
        Files.writeString(
                folder.resolve("bad-chart.yaml"),
                GOOD.replace("id: mine", "id: other").replace("diverging-bar", "pie"));
        Files.writeString(folder.resolve("broken.yaml"), "id: [unclosed\n");
        DashboardCatalog catalog = new DashboardCatalog();
        catalog.folder = Optional.of(folder);
        catalog.reload();
        assertTrue(catalog.find("mine").isPresent(), "the good file loads");
        assertTrue(catalog.find("framing-vs-reactions").isPresent(), "the shipped ones load");
        assertEquals(2, catalog.problems().size());
        assertTrue(catalog.problems().stream()
                .anyMatch(p ->
                        p.message().startsWith(folder + "/bad-chart.yaml: field 'panels[1].chart' must be one of")));
        assertTrue(catalog.problems().stream()
                .anyMatch(p -> p.message().startsWith(folder + "/broken.yaml: not readable YAML")));
    }

    @Test
    void each_field_mistake_names_the_field() {
        assertField(GOOD.replace("measure: reader-stance", "measure: mood"), "panels[1].measure");
        assertField(GOOD.replace("scope: document", "scope: planet"), "scope");
        assertField(GOOD.replace("measure: reader-stance", "measure: corpus-overview"), "panels[1].measure");
        assertField(GOOD.replace("group: target", "group: author"), "panels[1].group");
        assertField(GOOD.replace("    what: Readers' stance.\n", ""), "panels[1].what");
        assertField(GOOD + "    filters:\n      colour: red\n", "panels[1].filters.colour");
        assertTrue(
                assertThrows(InvalidDashboardException.class, () -> DashboardFile.parse(GOOD + "extra: 1\n", "x.yaml"))
                        .getMessage()
                        .contains("unknown field 'extra'"));
    }

    private static void assertField(String yaml, String field) {
        InvalidDashboardException e =
                assertThrows(InvalidDashboardException.class, () -> DashboardFile.parse(yaml, "x.yaml"));
        assertTrue(e.getMessage().startsWith("x.yaml: field '" + field + "'"), e.getMessage());
    }
}
