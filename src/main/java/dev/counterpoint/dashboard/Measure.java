package dev.counterpoint.dashboard;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The measures a dashboard panel can show, each an SQL aggregate. A dashboard file names one per panel, with a
 * chart type and grouping the measure supports.
 */
public enum Measure {
    READER_STANCE(
            "reader-stance",
            Scope.DOCUMENT,
            List.of("diverging-bar", "stacked-bar", "table"),
            List.of("target"),
            "Readers' favor / against / none per target, with the author's stance in each target's label"),
    ALIGNMENT(
            "alignment",
            Scope.DOCUMENT,
            List.of("bar", "table"),
            List.of("target"),
            "Share of the comments taking a stance on a target the author takes a stance on that side with the author"),
    TONE(
            "tone",
            Scope.DOCUMENT,
            List.of("stacked-bar", "table"),
            List.of("kind"),
            "Sentiment and incivility of the article's paragraphs beside the comments'"),
    INCIVILITY_BY_STANCE(
            "incivility-by-stance",
            Scope.DOCUMENT,
            List.of("bar", "table"),
            List.of("target"),
            "Share of uncivil comments among those for and those against each target"),
    STANCE_HEATMAP(
            "stance-heatmap",
            Scope.DOCUMENT,
            List.of("heatmap", "table"),
            List.of("item"),
            "Each item's stance toward each target"),
    STANCE_OVER_TIME(
            "stance-over-time",
            Scope.DOCUMENT,
            List.of("line", "table"),
            List.of("day", "hour"),
            "Net reader stance (favor minus against, share of stance-taking comments) per target over time"),
    CORPUS_OVERVIEW(
            "corpus-overview",
            Scope.CORPUS,
            List.of("bar", "table"),
            List.of("document"),
            "Per document: comments, alignment with the author and how much people have checked"),
    TARGET_ACROSS_DOCUMENTS(
            "target-across-documents",
            Scope.CORPUS,
            List.of("diverging-bar", "table"),
            List.of("document"),
            "One target across documents: the author's stance and the readers' shares side by side"),
    AGREEMENT(
            "agreement",
            Scope.CODEBOOK,
            List.of("table"),
            List.of("target"),
            "Per target and overall: how far people agree (Krippendorff's alpha, Fleiss' kappa, 95 % intervals)"),
    CODER_PAIRS(
            "coder-pairs",
            Scope.CODEBOOK,
            List.of("table"),
            List.of("pair"),
            "Cohen's kappa for every pair of annotators, per target"),
    MODEL_VERSUS_PEOPLE(
            "model-vs-people",
            Scope.CODEBOOK,
            List.of("bar", "table"),
            List.of("model-version"),
            "Per model version: agreement with people's labels and how often people overturn it");

    public enum Scope {
        DOCUMENT,
        CORPUS,
        /** About how a codebook is labelled: people's agreement and the model's against people. */
        CODEBOOK
    }

    private final String code;
    private final Scope scope;
    private final List<String> charts;
    private final List<String> groups;
    private final String summary;

    Measure(String code, Scope scope, List<String> charts, List<String> groups, String summary) {
        this.code = code;
        this.scope = scope;
        this.charts = charts;
        this.groups = groups;
        this.summary = summary;
    }

    public String code() {
        return code;
    }

    public Scope scope() {
        return scope;
    }

    public List<String> charts() {
        return charts;
    }

    public List<String> groups() {
        return groups;
    }

    public String summary() {
        return summary;
    }

    public static Optional<Measure> of(String code) {
        return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(Measure::code).toList();
    }
}
