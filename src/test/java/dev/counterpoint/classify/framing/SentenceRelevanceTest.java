package dev.counterpoint.classify.framing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.counterpoint.codebook.AliasMatcher;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SentenceRelevanceTest {

    /** The target lies along the first axis; its one example statement too. */
    private static final TargetProfile TRAMS = new TargetProfile(
            "trams", new AliasMatcher(List.of("tram*")), unit(1, 0, 0), new float[][] {unit(1, 0.1, 0)});

    @Test
    void a_named_sentence_counts_fully_and_a_pronoun_after_it_continues_about_it() {
        List<SentenceRelevance.Sentence> sentences = new ArrayList<>(filler(8));
        sentences.add(sentence("The trams are late again.", unit(0.3, 1, 0), false));
        sentences.add(sentence("They were late all of last winter.", unit(0, 1, 0.2), false));
        sentences.add(sentence("They say it will snow.", unit(0, 1, 0.2), true));
        double[] relevance = SentenceRelevance.of(sentences.toArray(SentenceRelevance.Sentence[]::new), TRAMS);
        assertEquals(SentenceRelevance.NAMED, relevance[8]);
        assertEquals(SentenceRelevance.CONTINUED, relevance[9]);
        assertEquals(0, relevance[10], "a new paragraph's pronoun does not continue the last one's subject");
    }

    @Test
    void an_unnamed_sentence_unusually_close_to_the_target_counts_in_part_and_ordinary_ones_not_at_all() {
        List<SentenceRelevance.Sentence> sentences = new ArrayList<>(filler(10));
        sentences.add(sentence("The new carriages glide along the rails.", unit(0.95, 0.2, 0), true));
        double[] relevance = SentenceRelevance.of(sentences.toArray(SentenceRelevance.Sentence[]::new), TRAMS);
        assertTrue(relevance[10] > 0 && relevance[10] <= SentenceRelevance.INDIRECT, "indirect: " + relevance[10]);
        for (int i = 0; i < 10; i++) {
            assertEquals(0, relevance[i], "filler sentence " + i);
        }
    }

    @Test
    void pronouns_are_recognised_by_the_first_word_only() {
        assertTrue(SentenceRelevance.startsWithPronoun("Their timetable is a fiction."));
        assertTrue(SentenceRelevance.startsWithPronoun("“It is a scandal,” said one rider."));
        assertFalse(SentenceRelevance.startsWithPronoun("The driver saw them."));
    }

    private static List<SentenceRelevance.Sentence> filler(int n) {
        List<SentenceRelevance.Sentence> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(sentence("The weather was mild on day " + i + ".", unit(0.1 + 0.01 * i, 0.2, 1), true));
        }
        return list;
    }

    private static SentenceRelevance.Sentence sentence(String text, float[] vector, boolean first) {
        return new SentenceRelevance.Sentence(
                text, vector, TRAMS.matcher().mentions(text), SentenceRelevance.startsWithPronoun(text), first);
    }

    private static float[] unit(double... xs) {
        double norm = 0;
        for (double x : xs) {
            norm += x * x;
        }
        float[] v = new float[xs.length];
        for (int i = 0; i < xs.length; i++) {
            v[i] = (float) (xs[i] / Math.sqrt(norm));
        }
        return v;
    }
}
