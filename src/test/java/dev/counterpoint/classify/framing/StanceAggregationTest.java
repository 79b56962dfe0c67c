package dev.counterpoint.classify.framing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.counterpoint.classify.framing.StanceAggregation.Aggregate;
import dev.counterpoint.classify.framing.StanceAggregation.SentenceStance;
import dev.counterpoint.classify.model.ItemLabels.Probabilities;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StanceAggregationTest {

    private static final Probabilities FAVOR = new Probabilities(0.7, 0.1, 0.2);
    private static final Probabilities AGAINST = new Probabilities(0.1, 0.7, 0.2);
    private static final Probabilities NEUTRAL = new Probabilities(0.2, 0.2, 0.6);

    @Test
    void one_arguing_sentence_decides_a_paragraph_whose_other_sentences_are_about_something_else() {
        Aggregate paragraph = StanceAggregation.paragraph(
                List.of(own(0, 0, NEUTRAL), own(1, 1, FAVOR), own(2, 0, AGAINST)), StanceAggregation.Lean.NONE);
        assertEquals("favor", paragraph.value());
        assertEquals(1, paragraph.coverage(), 1e-9);
        assertEquals(1, paragraph.parts().size(), "only the sentence about the target is weighed");
    }

    @Test
    void a_paragraph_without_a_sentence_about_the_target_is_none_however_its_other_sentences_lean() {
        Aggregate paragraph = StanceAggregation.paragraph(
                List.of(own(0, 0, new Probabilities(0.9, 0.05, 0.05)), own(1, 0, FAVOR)), StanceAggregation.Lean.NONE);
        assertEquals("none", paragraph.value());
        assertEquals(0, paragraph.coverage());
        assertNull(paragraph.relevantMix());
        assertTrue(
                paragraph.confidence() > 0.5 && paragraph.confidence() < 1, "not certain: " + paragraph.confidence());
    }

    @Test
    void mentions_without_a_stance_do_not_average_away_the_sentence_that_argues() {
        Aggregate paragraph = StanceAggregation.paragraph(
                List.of(own(0, 1, NEUTRAL), own(1, 1, NEUTRAL), own(2, 1, AGAINST)), StanceAggregation.Lean.NONE);
        assertEquals("against", paragraph.value());
        Aggregate neutral = StanceAggregation.paragraph(
                List.of(own(0, 1, NEUTRAL), own(1, 1, NEUTRAL)), StanceAggregation.Lean.NONE);
        assertEquals("none", neutral.value());
    }

    @Test
    void a_reported_view_the_author_argues_against_is_set_aside() {
        SentenceStance claim = new SentenceStance(0, 1, true, new Probabilities(0.85, 0.05, 0.1));
        SentenceStance rebuttal = own(1, 1, new Probabilities(0.2, 0.5, 0.3));
        Aggregate paragraph = StanceAggregation.paragraph(List.of(claim, rebuttal), StanceAggregation.Lean.NONE);
        assertEquals("against", paragraph.value());
        assertTrue(paragraph.parts().get(0).setAside());
        assertEquals(0, paragraph.parts().get(0).weight());
        // Read as the author's own words, the same claim would have carried the paragraph.
        SentenceStance asOwn = own(0, 1, claim.probabilities());
        assertEquals(
                "favor",
                StanceAggregation.paragraph(List.of(asOwn, rebuttal), StanceAggregation.Lean.NONE)
                        .value());
    }

    @Test
    void a_reported_view_with_no_contrary_author_counts_half() {
        Aggregate reported = StanceAggregation.paragraph(
                List.of(new SentenceStance(0, 1, true, FAVOR)), StanceAggregation.Lean.NONE);
        Aggregate own = StanceAggregation.paragraph(List.of(own(0, 1, FAVOR)), StanceAggregation.Lean.NONE);
        assertFalse(reported.parts().get(0).setAside());
        assertEquals(
                own.parts().get(0).weight() * StanceAggregation.REPORTED_WEIGHT,
                reported.parts().get(0).weight(),
                1e-9);
        assertEquals(0.5, reported.coverage(), 1e-9);
        assertEquals("favor", reported.value());
    }

    @Test
    void a_paragraph_of_reported_speech_alone_is_read_against_the_authors_lean_over_the_article() {
        List<SentenceStance> quoted = List.of(new SentenceStance(5, 1, true, FAVOR));
        StanceAggregation.Lean authorAgainst =
                StanceAggregation.ownLean(List.of(own(0, 1, AGAINST), own(1, 1, AGAINST)));
        assertTrue(authorAgainst.lean() < 0);
        Aggregate paragraph = StanceAggregation.paragraph(quoted, authorAgainst);
        assertTrue(paragraph.parts().get(0).setAside());
        assertEquals("none", paragraph.value());
    }

    @Test
    void the_article_takes_the_stance_its_arguing_paragraphs_take_and_names_them() {
        Aggregate mentions = StanceAggregation.paragraph(List.of(own(0, 1, NEUTRAL)), StanceAggregation.Lean.NONE);
        Aggregate argues = StanceAggregation.paragraph(List.of(own(1, 1, AGAINST)), StanceAggregation.Lean.NONE);
        Aggregate elsewhere = StanceAggregation.paragraph(List.of(own(2, 0, FAVOR)), StanceAggregation.Lean.NONE);
        Aggregate article = StanceAggregation.article(
                List.of(mentions, argues, mentions, argues, elsewhere),
                List.of(1, 2, 3, 4, 5),
                StanceAggregation.background(List.of(NEUTRAL, AGAINST, NEUTRAL, AGAINST, FAVOR)));
        assertEquals("against", article.value());
        assertEquals(
                List.of(1, 2, 3, 4),
                article.parts().stream().map(StanceAggregation.Part::index).toList());
        double arguing = article.parts().get(1).weight();
        double mentioning = article.parts().get(0).weight();
        assertTrue(arguing > mentioning, arguing + " > " + mentioning);
    }

    @Test
    void an_article_whose_paragraphs_only_mention_the_target_takes_no_stance() {
        Aggregate mentions = StanceAggregation.paragraph(List.of(own(0, 1, NEUTRAL)), StanceAggregation.Lean.NONE);
        Aggregate article = StanceAggregation.article(
                List.of(mentions, mentions), List.of(1, 2), StanceAggregation.background(List.of(NEUTRAL, NEUTRAL)));
        assertEquals("none", article.value());
        double sum = article.probabilities().favor()
                + article.probabilities().against()
                + article.probabilities().none();
        assertEquals(1, sum, 1e-9);
    }

    private static SentenceStance own(int index, double relevance, Probabilities p) {
        return new SentenceStance(index, relevance, false, p);
    }
}
