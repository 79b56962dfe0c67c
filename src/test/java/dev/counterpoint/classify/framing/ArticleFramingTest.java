package dev.counterpoint.classify.framing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.counterpoint.classify.model.ItemClassifier;
import dev.counterpoint.classify.model.ItemLabels;
import dev.counterpoint.classify.text.TextEncoder;
import dev.counterpoint.codebook.AliasMatcher;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The wiring from an article's text to its stances, with a word-counting stand-in for the sentence model (so
 * the test is about selection, aggregation and evidence offsets, not about the shipped model).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ArticleFramingTest {

    private static final List<TargetProfile> TARGETS = List.of(
            new TargetProfile("trams", new AliasMatcher(List.of("tram*")), axis(0), new float[0][]),
            new TargetProfile("buses", new AliasMatcher(List.of("bus", "buses")), axis(1), new float[0][]));

    private static final List<ArticleFraming.Paragraph> PARAGRAPHS = List.of(
            new ArticleFraming.Paragraph(1, "The weather was mild. Trams are wonderful and quiet."),
            new ArticleFraming.Paragraph(2, "The council says buses are wonderful. Buses are awful and late."),
            new ArticleFraming.Paragraph(3, "Keep the trams, and scrap the awful buses."));

    @Test
    void each_target_gets_the_stance_its_sentences_argue_and_the_reported_claim_is_set_aside() {
        String article = String.join(
                "\n\n", PARAGRAPHS.stream().map(ArticleFraming.Paragraph::text).toList());
        ArticleFraming.Result result =
                new ArticleFraming(TARGETS, new WordModel(), new AxisEncoder()).analyse(article, PARAGRAPHS);

        assertEquals("favor", result.article().get(0).value(), "trams");
        assertEquals("against", result.article().get(1).value(), "buses");
        assertEquals(List.of("favor", "none", "favor"), values(result, 0));
        assertEquals(List.of("none", "against", "against"), values(result, 1));

        ItemLabels.Evidence buses = result.article().get(1).evidence();
        assertEquals(
                List.of(2, 3),
                buses.paragraphs().stream()
                        .map(ItemLabels.ParagraphWeight::position)
                        .toList());
        List<String> deciding = buses.sentences().stream()
                .map(s -> article.substring(s.start(), s.end()))
                .toList();
        assertTrue(deciding.contains("Buses are awful and late."), "offsets point into the article: " + deciding);
        assertTrue(deciding.stream().noneMatch(s -> s.startsWith("The council says")), deciding.toString());
        ItemLabels.Span reported = buses.reported().get(0);
        assertEquals("The council says buses are wonderful.", article.substring(reported.start(), reported.end()));
        assertEquals(0.0, reported.weight(), "set aside: the author argues the other way");

        ItemLabels.Evidence paragraph2 = result.paragraphs().get(1).get(1).evidence();
        assertEquals(
                "Buses are awful and late.",
                PARAGRAPHS
                        .get(1)
                        .text()
                        .substring(
                                paragraph2.sentences().get(0).start(),
                                paragraph2.sentences().get(0).end()));
        assertEquals(2, paragraph2.mentions().size(), "both mentions of buses in the paragraph");
    }

    private static List<String> values(ArticleFraming.Result result, int target) {
        return result.paragraphs().stream().map(p -> p.get(target).value()).toList();
    }

    /** "wonderful" or "keep" favors every target the text names, "awful" or "scrap" is against it. */
    private static final class WordModel implements ItemClassifier {
        @Override
        public List<ItemLabels> classify(List<String> texts, float[][] vectors) {
            List<ItemLabels> labels = new ArrayList<>();
            for (String text : texts) {
                String lower = text.toLowerCase();
                boolean good = lower.contains("wonderful") || lower.contains("keep");
                boolean bad = lower.contains("awful") || lower.contains("scrap");
                ItemLabels.Probabilities p = good && !bad
                        ? new ItemLabels.Probabilities(0.8, 0.1, 0.1)
                        : bad && !good
                                ? new ItemLabels.Probabilities(0.1, 0.8, 0.1)
                                : new ItemLabels.Probabilities(0.1, 0.1, 0.8);
                List<ItemLabels.Stance> stances = TARGETS.stream()
                        .map(t -> new ItemLabels.Stance(t.slug(), "none", p.none(), ItemLabels.Evidence.NONE, p))
                        .toList();
                labels.add(new ItemLabels(
                        stances, new ItemLabels.Scored("neutral", 0, 1), new ItemLabels.Scored("civil", 0, 1)));
            }
            return labels;
        }
    }

    /** Every text on a third axis, away from both targets: only aliases make a sentence relevant here. */
    private static final class AxisEncoder implements TextEncoder {
        @Override
        public String id() {
            return "axis";
        }

        @Override
        public int dimension() {
            return 3;
        }

        @Override
        public float[][] encode(List<String> texts) {
            return texts.stream().map(t -> axis(2)).toArray(float[][]::new);
        }

        @Override
        public void close() {}
    }

    private static float[] axis(int i) {
        float[] v = new float[3];
        v[i] = 1;
        return v;
    }
}
