package dev.counterpoint.classify.model;

import dev.counterpoint.classify.text.Sentences;
import dev.counterpoint.classify.text.Vader;
import dev.counterpoint.codebook.AliasMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * What to show behind a stance: where the target is named, and the sentences that carry the stance. Those are
 * the sentences naming the target, weighted by how strongly they are worded; with no mention, the most strongly
 * worded sentence.
 */
final class Evidence {

    private Evidence() {}

    static ItemLabels.Evidence of(
            String text, List<Sentences.Span> sentences, List<AliasMatcher.Mention> mentions, Vader vader) {
        List<ItemLabels.Span> mentionSpans = mentions.stream()
                .map(m -> new ItemLabels.Span(m.start(), m.end(), null))
                .toList();
        List<ItemLabels.Span> sentenceSpans = new ArrayList<>();
        ItemLabels.Span strongest = null;
        for (Sentences.Span sentence : sentences) {
            double strength = Math.abs(vader.score(sentence.of(text)).compound());
            ItemLabels.Span span = new ItemLabels.Span(sentence.start(), sentence.end(), strength);
            if (mentions.stream().anyMatch(m -> sentence.contains(m.start()))) {
                sentenceSpans.add(span);
            } else if (strongest == null || strength > strongest.weight()) {
                strongest = span;
            }
        }
        if (sentenceSpans.isEmpty() && strongest != null) {
            sentenceSpans.add(strongest);
        }
        return new ItemLabels.Evidence(sentenceSpans, mentionSpans);
    }
}
