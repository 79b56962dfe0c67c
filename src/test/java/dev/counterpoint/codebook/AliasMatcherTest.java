package dev.counterpoint.codebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.counterpoint.corpus.SampleCorpus;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AliasMatcherTest {

    @Inject
    DataSource dataSource;

    @Test
    void capitalised_acronyms_match_case_sensitively_and_words_match_whole() {
        assertTrue(new AliasMatcher(List.of("US")).mentions("The US and Europe"));
        assertFalse(new AliasMatcher(List.of("US")).mentions("Let us talk"));
        assertTrue(new AliasMatcher(List.of("U.S.")).mentions("the U.S. position"));
        assertTrue(new AliasMatcher(List.of("Witkoff")).mentions("Witkoff’s first tendency"));
        assertTrue(new AliasMatcher(List.of("witkoff")).mentions("WITKOFF again"));
        assertFalse(new AliasMatcher(List.of("Russia")).mentions("Russians and Russian officials"));
        assertTrue(new AliasMatcher(List.of("Steve Witkoff")).mentions("Steve\n Witkoff"));
        assertFalse(new AliasMatcher(List.of("EU")).mentions("Europe"));
        assertTrue(new AliasMatcher(List.of("Russia*")).mentions("Russians say"));
        assertTrue(new AliasMatcher(List.of("russia*")).mentions("#RussiaUkraineWar"));
        assertFalse(new AliasMatcher(List.of("Russia*")).mentions("Belarussian"));
    }

    @Test
    void overlapping_aliases_keep_the_longest_mention() {
        List<AliasMatcher.Mention> mentions =
                new AliasMatcher(List.of("Witkoff", "Steve Witkoff")).find("envoy Steve Witkoff said");
        assertEquals(1, mentions.size());
        assertEquals("Steve Witkoff", mentions.get(0).alias());
        assertEquals(6, mentions.get(0).start());
    }

    @Test
    void java_and_postgresql_agree_on_every_alias_of_the_default_codebook_over_the_sample() throws Exception {
        CodebookFile codebook = CodebookFile.parse(
                new String(getClass()
                        .getClassLoader()
                        .getResourceAsStream("codebooks/default.yaml")
                        .readAllBytes()),
                "d");
        List<String> texts = new ArrayList<>();
        SampleCorpus.load().paragraphs().forEach(p -> texts.add(p.text()));
        SampleCorpus.load().comments().forEach(c -> texts.add(c.text()));
        texts.addAll(List.of("let us go", "U.S.-led", "the EU's", "(Russia)", "Kyiv, Kiev and KYIV", "deal-maker's"));
        List<List<String>> aliasSets = new ArrayList<>();
        codebook.targets().forEach(t -> aliasSets.add(t.aliases()));
        aliasSets.add(List.of("Russia*", "zelensk*", "U.S.*", "deal-maker*"));
        texts.addAll(List.of("Russians and #RussiaUkraine", "Zelenskyy's", "U.S.A.", "deal-makers"));
        int compared = 0;
        try (Connection c = dataSource.getConnection();
                PreparedStatement sql = c.prepareStatement("SELECT ? ~ alias_pattern(?)")) {
            for (List<String> aliases : aliasSets) {
                for (String alias : aliases) {
                    AliasMatcher java = new AliasMatcher(List.of(alias));
                    for (String text : texts) {
                        sql.setString(1, text);
                        sql.setString(2, alias);
                        try (ResultSet row = sql.executeQuery()) {
                            row.next();
                            assertEquals(java.mentions(text), row.getBoolean(1), "alias '" + alias + "' in: " + text);
                            compared++;
                        }
                    }
                }
            }
        }
        assertTrue(compared > 1000, "compared " + compared);
    }
}
