package dev.counterpoint.classify.framing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReportedSpeechTest {

    @Test
    void a_claim_attributed_to_someone_else_is_reported() {
        assertTrue(ReportedSpeech.attributed("The minister said the new bridge would pay for itself."));
        assertTrue(ReportedSpeech.attributed("Ticket sales rose, according to the operator."));
        assertTrue(ReportedSpeech.attributed("Critics argue that the tax hurts small bakeries."));
        assertTrue(ReportedSpeech.attributed("Some see the reform as a quiet victory for landlords."));
    }

    @Test
    void the_author_speaking_in_the_first_person_or_an_infinitive_is_not_reported() {
        assertFalse(ReportedSpeech.attributed("I said it last year and I repeat it: the bridge is a folly."));
        assertFalse(ReportedSpeech.attributed("We have argued for cheaper trains for a decade."));
        assertFalse(ReportedSpeech.attributed("Needless to say, the bridge is a folly."));
        assertFalse(ReportedSpeech.attributed("The bridge is a folly that nobody needs."));
        assertFalse(ReportedSpeech.attributed("That claim is wrong, and his claims about cost are worse."));
    }

    @Test
    void a_quotation_is_reported_even_over_several_sentences_but_a_quoted_phrase_is_not() {
        boolean[] reported = ReportedSpeech.of(List.of(
                "“The bridge is the best thing this town has done.",
                "Everyone will use it,” the spokeswoman promised.",
                "It will carry forty cars a day.",
                "This is what economists call a “white elephant”."));
        assertArrayEquals(new boolean[] {true, true, false, false}, reported);
    }

    @Test
    void a_reporting_verb_inside_a_quotation_does_not_make_the_authors_sentence_reported() {
        boolean[] reported =
                ReportedSpeech.of(List.of("The slogan “Trust what the mayor says” is painted on every bus."));
        assertArrayEquals(new boolean[] {false}, reported);
    }
}
