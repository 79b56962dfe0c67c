package dev.counterpoint.labels.agreement;

import java.util.Collection;
import java.util.List;

/**
 * How well a model's labels hold up against a human's, over the units that have both: accuracy (the human taken as
 * right), Cohen's kappa between model and human, and the overturn rate, the share of units where the human's value
 * differs from the model's. Over the same units the overturn rate is 1 − accuracy; both are given because a review
 * dashboard speaks of overturns and an evaluation of accuracy.
 *
 * <p>Made to be serialised as JSON: undefined values are {@code null}, never NaN. With no unit having both values
 * everything but {@code units} is null; kappa is also null when model and human used one and the same category on
 * every unit.
 *
 * @param units units with both a model and a human value
 * @param accuracy share of those units where the human agrees with the model
 * @param cohenKappa Cohen's kappa between model and human
 * @param overturnRate share of those units where the human's value differs from the model's
 */
public record ModelAgreement(int units, Double accuracy, Double cohenKappa, Double overturnRate) {

    /** A unit's model value and human value; either may be {@code null}, and then the unit is not compared. */
    public record Comparison(String unit, String modelValue, String humanValue) {}

    /**
     * From (unit, model value, human value) rows. Refuses values outside the category list and a unit that appears
     * twice with different values.
     */
    public static ModelAgreement of(List<String> categories, Collection<Comparison> comparisons) {
        ReliabilityDataBuilder builder = ReliabilityData.builder(categories);
        for (Comparison comparison : comparisons) {
            builder.add(comparison.unit(), "model", comparison.modelValue());
            builder.add(comparison.unit(), "human", comparison.humanValue());
        }
        ReliabilityData data = builder.build();
        int model = data.coders().indexOf("model");
        int human = data.coders().indexOf("human");
        if (model < 0 || human < 0) return new ModelAgreement(0, null, null, null);
        return of(data, model, human);
    }

    /** Between two coders of the data, one of them the model. */
    public static ModelAgreement of(ReliabilityData data, int modelCoder, int humanCoder) {
        long[][] confusion = CohenKappa.confusion(data, modelCoder, humanCoder);
        CohenKappa kappa = CohenKappa.fromTable(confusion);
        long units = kappa.n();
        if (units == 0) return new ModelAgreement(0, null, null, null);
        long agreements = 0;
        for (int i = 0; i < confusion.length; i++) agreements += confusion[i][i];
        return new ModelAgreement(
                (int) units,
                (double) agreements / units,
                AgreementReport.orNull(kappa.kappa()),
                (double) (units - agreements) / units);
    }
}
