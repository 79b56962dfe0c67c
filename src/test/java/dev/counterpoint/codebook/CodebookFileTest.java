package dev.counterpoint.codebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.counterpoint.corpus.SampleCorpus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CodebookFileTest {

    private static final String VALID_TARGET = """
              - slug: %s
                name: Russia
                description: The Russian state.
                aliases: [Russia]
                favor: [Russia is right.]
                against: [Russia is wrong.]
            """;

    @Test
    void the_default_codebook_has_the_seven_sample_targets_each_with_five_examples_a_side() throws IOException {
        CodebookFile codebook = CodebookFile.parse(resource("codebooks/default.yaml"), "default.yaml");
        assertEquals(
                List.of(
                        "professional-diplomacy",
                        "business-envoys",
                        "us-government",
                        "russia",
                        "ukraine",
                        "europe",
                        "uk"),
                codebook.targets().stream().map(CodebookFile.TargetEntry::slug).toList());
        for (CodebookFile.TargetEntry target : codebook.targets()) {
            assertTrue(target.favorExamples().size() >= 5, target.slug());
            assertTrue(target.againstExamples().size() >= 5, target.slug());
            assertTrue(!target.aliases().isEmpty() && !target.description().isBlank(), target.slug());
        }
    }

    @Test
    void no_example_statement_is_taken_from_the_sample_it_classifies() throws IOException {
        CodebookFile codebook = CodebookFile.parse(resource("codebooks/default.yaml"), "default.yaml");
        String sample = resource("sample/business-envoys-ukraine.txt").toLowerCase();
        for (CodebookFile.TargetEntry target : codebook.targets()) {
            for (String example : concat(target.favorExamples(), target.againstExamples())) {
                String core = example.toLowerCase().replaceAll("[.!?]$", "");
                assertTrue(!sample.contains(core), "copied from the sample: " + example);
            }
        }
        assertTrue(sample.contains(SampleCorpus.load().comments().get(0).text().toLowerCase()));
    }

    @Test
    void a_duplicate_target_slug_is_named_in_the_error() {
        String yaml = "slug: test\nname: Test\ntargets:\n" + VALID_TARGET.formatted("russia")
                + VALID_TARGET.formatted("russia");
        InvalidCodebookException e =
                assertThrows(InvalidCodebookException.class, () -> CodebookFile.parse(yaml, "test.yaml"));
        assertTrue(e.getMessage().startsWith("test.yaml: target 'russia'"), e.getMessage());
        assertTrue(e.getMessage().contains("unique"), e.getMessage());
    }

    @Test
    void a_target_without_examples_is_named_in_the_error() {
        String yaml =
                "slug: test\nname: Test\ntargets:\n  - slug: ukraine\n    name: Ukraine\n    description: d\n    favor: [Yes.]\n";
        InvalidCodebookException e =
                assertThrows(InvalidCodebookException.class, () -> CodebookFile.parse(yaml, "test.yaml"));
        assertEquals("test.yaml: target 'ukraine': needs at least one 'against' example statement.", e.getMessage());
    }

    @Test
    void reserved_and_malformed_slugs_are_refused() {
        String reserved = "slug: test\nname: Test\ntargets:\n" + VALID_TARGET.formatted("sentiment");
        assertTrue(assertThrows(InvalidCodebookException.class, () -> CodebookFile.parse(reserved, "t.yaml"))
                .getMessage()
                .contains("reserved"));
        String malformed = "slug: test\nname: Test\ntargets:\n" + VALID_TARGET.formatted("Not A Slug");
        assertTrue(assertThrows(InvalidCodebookException.class, () -> CodebookFile.parse(malformed, "t.yaml"))
                .getMessage()
                .contains("lowercase"));
    }

    @Test
    void broken_yaml_and_unknown_fields_say_where() {
        InvalidCodebookException broken = assertThrows(
                InvalidCodebookException.class,
                () -> CodebookFile.parse("slug: test\nname: [unclosed\n", "broken.yaml"));
        assertTrue(broken.getMessage().startsWith("broken.yaml: not a readable codebook"), broken.getMessage());
        InvalidCodebookException unknown = assertThrows(
                InvalidCodebookException.class,
                () -> CodebookFile.parse("slug: test\nname: Test\ncolour: red\ntargets: []\n", "unknown.yaml"));
        assertTrue(unknown.getMessage().contains("unknown field 'colour'"), unknown.getMessage());
        assertThrows(InvalidCodebookException.class, () -> CodebookFile.parse("", "empty.yaml"));
    }

    @Test
    void the_fingerprint_changes_with_the_content_only() {
        String yaml = "slug: test\nname: Test\ntargets:\n" + VALID_TARGET.formatted("russia");
        String reformatted = "# a comment\nslug:   test\nname: 'Test'\ntargets:\n" + VALID_TARGET.formatted("russia");
        String changed = "slug: test\nname: Test 2\ntargets:\n" + VALID_TARGET.formatted("russia");
        assertEquals(
                CodebookFile.parse(yaml, "a").sha256(),
                CodebookFile.parse(reformatted, "b").sha256());
        assertNotEquals(
                CodebookFile.parse(yaml, "a").sha256(),
                CodebookFile.parse(changed, "c").sha256());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = CodebookFileTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
