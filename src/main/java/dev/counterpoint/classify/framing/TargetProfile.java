package dev.counterpoint.classify.framing;

import dev.counterpoint.classify.model.TargetSpec;
import dev.counterpoint.classify.text.TextEncoder;
import dev.counterpoint.classify.text.TextNormalizer;
import dev.counterpoint.codebook.AliasMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * What tells that a sentence is about a target: the aliases that name it, and the vectors of its name with its
 * description and of its example statements, for sentences that speak of it without naming it.
 */
public record TargetProfile(String slug, AliasMatcher matcher, float[] description, float[][] examples) {

    public static List<TargetProfile> of(List<TargetSpec> targets, TextEncoder encoder) {
        List<String> texts = new ArrayList<>();
        for (TargetSpec target : targets) {
            texts.add(TextNormalizer.clean(
                    target.name() + ". " + (target.description() == null ? "" : target.description())));
            target.favor().forEach(s -> texts.add(TextNormalizer.clean(s)));
            target.against().forEach(s -> texts.add(TextNormalizer.clean(s)));
        }
        float[][] vectors = encoder.encode(texts);
        List<TargetProfile> profiles = new ArrayList<>(targets.size());
        int next = 0;
        for (TargetSpec target : targets) {
            float[] description = vectors[next++];
            float[][] examples =
                    new float[target.favor().size() + target.against().size()][];
            for (int e = 0; e < examples.length; e++) {
                examples[e] = vectors[next++];
            }
            profiles.add(new TargetProfile(target.slug(), target.matcher(), description, examples));
        }
        return profiles;
    }

    /** How close a sentence vector is to the target: to its description, or to its two nearest examples. */
    public double similarity(float[] sentence) {
        double description = dot(sentence, this.description);
        double first = Double.NEGATIVE_INFINITY;
        double second = Double.NEGATIVE_INFINITY;
        for (float[] example : examples) {
            double d = dot(sentence, example);
            if (d > first) {
                second = first;
                first = d;
            } else if (d > second) {
                second = d;
            }
        }
        if (examples.length == 0) {
            return description;
        }
        double nearest = examples.length == 1 ? first : (first + second) / 2;
        return Math.max(description, nearest);
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
