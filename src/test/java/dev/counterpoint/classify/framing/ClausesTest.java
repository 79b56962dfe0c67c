package dev.counterpoint.classify.framing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.counterpoint.codebook.AliasMatcher;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ClausesTest {

    private static final AliasMatcher TRAMS = new AliasMatcher(List.of("tram*"));
    private static final AliasMatcher BUSES = new AliasMatcher(List.of("bus", "buses"));
    private static final List<AliasMatcher> BOTH = List.of(TRAMS, BUSES);

    @Test
    void a_sentence_is_cut_at_semicolons_colons_dashes_and_before_a_conjunction_after_a_comma() {
        assertEquals(
                List.of("Trams are quiet", "buses are loud", "the metro is fast", "but nobody uses it"),
                Clauses.of("Trams are quiet; buses are loud: the metro is fast, but nobody uses it"));
        assertEquals(List.of("Red, green and blue trams run here."), Clauses.of("Red, green and blue trams run here."));
    }

    @Test
    void a_sentence_setting_two_targets_side_by_side_is_read_per_target_by_its_clauses() {
        String sentence = "Keep the trams, and scrap the buses before they waste more money.";
        assertEquals("Keep the trams", Clauses.about(sentence, TRAMS, BOTH));
        assertEquals("and scrap the buses before they waste more money.", Clauses.about(sentence, BUSES, BOTH));
    }

    @Test
    void a_sentence_about_one_target_or_naming_both_in_one_clause_stays_whole() {
        assertNull(Clauses.about("Trams are quiet, but they are slow.", TRAMS, BOTH));
        assertNull(Clauses.about("Trams and buses share the lane; it works.", TRAMS, BOTH));
        assertNull(Clauses.about("Buses are loud.", TRAMS, BOTH));
    }
}
