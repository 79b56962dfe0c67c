package dev.counterpoint.classify.framing;

import dev.counterpoint.classify.model.ItemLabels.Probabilities;
import java.util.ArrayList;
import java.util.List;

/**
 * Sentence stances toward one target weighed into a paragraph's stance, and paragraph stances into the
 * article's. Each sentence (each paragraph) counts by its relevance to the target times how confidently it takes
 * a side (the larger of its favor and against probabilities), so that sentences which merely mention a target do
 * not average away the ones that argue about it; when none argues, they all count alike and the result is
 * {@code none}. How much of a paragraph is about the target (its coverage: the chance
 * that at least one of its relevant sentences is) decides how far the relevant sentences speak for it; the rest
 * of its probability is what its other sentences say, with their favor and against halved, as sentences not
 * about a target say little about it — so a paragraph or article that does not discuss a target always comes
 * out {@code none}.
 *
 * <p>Reported speech: a sentence reporting someone else's view counts half; when the author's own sentences
 * around it (its paragraph, or when the paragraph has none about the target, the article) lean the other way,
 * it is set aside, as the author reports the view to argue against it.
 */
public final class StanceAggregation {

    static final double REPORTED_WEIGHT = 0.5;
    /** Leans (favor minus against) smaller than this are no direction at all. */
    static final double LEAN_MARGIN = 0.05;
    /** The author's own sentences must be about the target at least this much to set a paragraph's context. */
    static final double OWN_CONTEXT = 1.0;

    private StanceAggregation() {}

    /** One sentence's stance toward the target, and how much it is about it. */
    public record SentenceStance(int index, double relevance, boolean reported, Probabilities probabilities) {
        double lean() {
            return probabilities.favor() - probabilities.against();
        }
    }

    /** How much a sentence or paragraph counted toward the stance above it; 0 when set aside. */
    public record Part(int index, double weight, boolean reported, boolean setAside, double lean) {}

    /**
     * An aggregated stance: its probabilities, how much of the text is about the target, the mix of the relevant
     * parts alone (null when none is relevant), and the parts with their weights.
     */
    public record Aggregate(Probabilities probabilities, double coverage, Probabilities relevantMix, List<Part> parts) {

        public String value() {
            Probabilities p = probabilities;
            if (p.favor() > p.against() && p.favor() > p.none()) {
                return "favor";
            }
            return p.against() > p.favor() && p.against() > p.none() ? "against" : "none";
        }

        public double confidence() {
            return probabilities.of(value());
        }
    }

    /** The lean of the author's own sentences about the target, and how much they are about it. */
    public record Lean(double lean, double strength) {
        public static final Lean NONE = new Lean(0, 0);
    }

    public static Lean ownLean(List<SentenceStance> sentences) {
        double weighted = 0;
        double weights = 0;
        double strength = 0;
        for (SentenceStance s : sentences) {
            if (!s.reported() && s.relevance() > 0) {
                double w = s.relevance() * confidence(s.probabilities());
                weighted += w * s.lean();
                weights += w;
                strength += s.relevance();
            }
        }
        return weights == 0 ? Lean.NONE : new Lean(weighted / weights, strength);
    }

    /** A paragraph's stance from all its sentences; {@code article} is the author's lean over the whole article. */
    public static Aggregate paragraph(List<SentenceStance> sentences, Lean article) {
        Lean own = ownLean(sentences);
        double context = own.strength() >= OWN_CONTEXT ? own.lean() : article.lean();
        List<Part> parts = new ArrayList<>();
        List<Weighted> relevant = new ArrayList<>();
        List<Probabilities> all = new ArrayList<>();
        for (SentenceStance s : sentences) {
            all.add(s.probabilities());
            if (s.relevance() <= 0) {
                continue;
            }
            boolean setAside = s.reported() && opposes(s.lean(), context);
            double voice = setAside ? 0 : s.reported() ? REPORTED_WEIGHT : 1;
            double reach = s.relevance() * voice;
            double weight = reach * confidence(s.probabilities());
            parts.add(new Part(s.index(), weight, s.reported(), setAside, s.lean()));
            relevant.add(new Weighted(s.probabilities(), reach, weight));
        }
        return combine(relevant, background(all), parts);
    }

    /** The article's stance from its paragraphs' (the parts' indexes are the paragraphs' positions). */
    public static Aggregate article(List<Aggregate> paragraphs, List<Integer> positions, Probabilities background) {
        List<Part> parts = new ArrayList<>();
        List<Weighted> relevant = new ArrayList<>();
        for (int j = 0; j < paragraphs.size(); j++) {
            Aggregate p = paragraphs.get(j);
            if (p.relevantMix() == null || p.coverage() <= 0) {
                continue;
            }
            double weight = p.coverage() * confidence(p.relevantMix());
            Probabilities mix = p.relevantMix();
            parts.add(new Part(positions.get(j), weight, false, false, mix.favor() - mix.against()));
            relevant.add(new Weighted(mix, p.coverage(), weight));
        }
        return combine(relevant, background, parts);
    }

    /** What texts not about the target say of it: their mean, favor and against halved. */
    public static Probabilities background(List<Probabilities> texts) {
        if (texts.isEmpty()) {
            return new Probabilities(0, 0, 1);
        }
        double f = 0;
        double a = 0;
        for (Probabilities p : texts) {
            f += p.favor() / texts.size();
            a += p.against() / texts.size();
        }
        return new Probabilities(f / 2, a / 2, 1 - f / 2 - a / 2);
    }

    private record Weighted(Probabilities probabilities, double reach, double weight) {}

    private static Aggregate combine(List<Weighted> relevant, Probabilities background, List<Part> parts) {
        double missed = 1;
        double weights = 0;
        double f = 0;
        double a = 0;
        double n = 0;
        for (Weighted w : relevant) {
            missed *= 1 - Math.min(1, w.reach());
            weights += w.weight();
            f += w.weight() * w.probabilities().favor();
            a += w.weight() * w.probabilities().against();
            n += w.weight() * w.probabilities().none();
        }
        if (weights <= 0) {
            return new Aggregate(background, 0, null, parts);
        }
        double coverage = 1 - missed;
        Probabilities mix = new Probabilities(f / weights, a / weights, n / weights);
        Probabilities p = new Probabilities(
                coverage * mix.favor() + (1 - coverage) * background.favor(),
                coverage * mix.against() + (1 - coverage) * background.against(),
                coverage * mix.none() + (1 - coverage) * background.none());
        return new Aggregate(p, coverage, mix, parts);
    }

    static boolean opposes(double lean, double context) {
        return Math.abs(lean) >= LEAN_MARGIN
                && Math.abs(context) >= LEAN_MARGIN
                && Math.signum(lean) != Math.signum(context);
    }

    static double confidence(Probabilities p) {
        return Math.max(p.favor(), p.against());
    }
}
