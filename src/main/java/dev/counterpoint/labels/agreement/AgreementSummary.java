package dev.counterpoint.labels.agreement;

import java.util.List;

/**
 * How far people agree with each other and with the model, for one codebook: per target and for the other
 * dimensions, the reliability statistics of the people's latest labels (with the number of items and coders behind
 * each); and per model version, its agreement with people and how often people overturn it.
 */
public record AgreementSummary(
        String codebook,
        String codebookName,
        int codebookVersion,
        long humanLabels,
        int bootstrapResamples,
        List<Family> families,
        List<ModelVersionAgreement> models) {

    /** One target's stance (or sentiment, or incivility; or "all targets" pooled), in the values' order. */
    public record Family(String key, String name, List<String> categories, AgreementReport report) {}

    /** A model version against people's labels, per target. */
    public record ModelVersionAgreement(String name, String kind, String createdAt, List<ModelVersusPeople> perKey) {}

    /**
     * {@code agreement} compares the version's label with every person's latest label on the same subject;
     * {@code overturnRate} counts only labels people gave after this version had labelled the subject, i.e. how
     * often someone looking at the version's output chose otherwise.
     */
    public record ModelVersusPeople(
            String key,
            String name,
            int units,
            Double accuracy,
            Double cohenKappa,
            int reviewedAfter,
            Double overturnRate) {}
}
