package dev.counterpoint.dashboard;

import dev.counterpoint.labels.agreement.Agreement;
import dev.counterpoint.labels.agreement.AgreementReport;
import dev.counterpoint.labels.agreement.AgreementSummary;
import dev.counterpoint.labels.agreement.BootstrapInterval;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The annotation-quality measures of a codebook, laid out as panels: agreement per target, coder pairs, and each
 * model version against people. An undefined statistic (too few items, or everyone chose one value) shows as
 * "undefined" with the reason, never as a number.
 */
@ApplicationScoped
public class AnnotationCharts {

    public static final String DEFAULT_CODEBOOK = "default";

    @Inject
    Agreement agreement;

    public PanelData panel(Panel panel, String codebook) {
        AgreementSummary summary = agreement.of(codebook);
        return switch (panel.measure()) {
            case AGREEMENT -> agreementTable(panel, summary);
            case CODER_PAIRS -> coderPairs(panel, summary);
            case MODEL_VERSUS_PEOPLE -> modelVersusPeople(panel, summary);
            default -> throw new IllegalArgumentException(panel.measure().code() + " is not a codebook measure");
        };
    }

    private PanelData agreementTable(Panel panel, AgreementSummary summary) {
        List<String> columns = List.of(
                "items coded twice or more",
                "coders",
                "Krippendorff's α (nominal)",
                "α (ordinal: against < none < favor)",
                "Fleiss' κ",
                "observed agreement");
        List<PanelData.Row> rows = new ArrayList<>();
        long pairable = 0;
        for (AgreementSummary.Family family : summary.families()) {
            AgreementReport r = family.report();
            if (!"all-targets".equals(family.key())) {
                pairable += r.pairableUnits();
            }
            rows.add(new PanelData.Row(
                    family.name(),
                    null,
                    List.of(
                            text(String.valueOf(r.pairableUnits())),
                            text(String.valueOf(r.coders())),
                            text(alpha(r.krippendorffAlphaNominal())),
                            text(alpha(r.krippendorffAlphaOrdinal())),
                            text(statistic(
                                            r.fleissKappa().kappa(),
                                            r.fleissKappa().interval()) + " over "
                                    + r.fleissKappa().units() + " items"),
                            text(share(r.observedAgreement())))));
        }
        List<String> notes = new ArrayList<>(notes(summary));
        if (pairable == 0) {
            notes.add("No item has labels from two or more people yet, so there is no agreement to measure. Assign "
                    + "items for double coding under Assignments.");
        }
        return panel.data(
                null, null, null, columns, rows, pairable, "items coded by two or more people", null, notes, null);
    }

    private PanelData coderPairs(Panel panel, AgreementSummary summary) {
        List<PanelData.Row> rows = new ArrayList<>();
        long units = 0;
        for (AgreementSummary.Family family : summary.families()) {
            for (AgreementReport.CoderPair pair : family.report().coderPairs()) {
                units += "all-targets".equals(family.key()) ? 0 : pair.units();
                rows.add(new PanelData.Row(
                        family.name() + ": " + pair.coderA() + " × " + pair.coderB(),
                        null,
                        List.of(
                                text(String.valueOf(pair.units())),
                                text(statistic(pair.kappa(), pair.interval())),
                                text(share(pair.observedAgreement())))));
            }
        }
        List<String> notes = new ArrayList<>(notes(summary));
        if (rows.isEmpty()) {
            notes.add("No two people have labelled the same item yet.");
        }
        return panel.data(
                null,
                null,
                null,
                List.of("items both labelled", "Cohen's κ", "observed agreement"),
                rows,
                units,
                "items labelled by a pair",
                null,
                notes,
                null);
    }

    private PanelData modelVersusPeople(Panel panel, AgreementSummary summary) {
        List<String> labels = new ArrayList<>();
        List<Double> agreementValues = new ArrayList<>();
        List<Long> agreementCounts = new ArrayList<>();
        List<Double> overturnValues = new ArrayList<>();
        List<Long> overturnCounts = new ArrayList<>();
        List<PanelData.Row> rows = new ArrayList<>();
        long n = 0;
        for (AgreementSummary.ModelVersionAgreement model : summary.models()) {
            long units = 0;
            long agreed = 0;
            long reviewed = 0;
            long overturned = 0;
            for (AgreementSummary.ModelVersusPeople k : model.perKey()) {
                units += k.units();
                agreed += k.accuracy() == null ? 0 : Math.round(k.accuracy() * k.units());
                reviewed += k.reviewedAfter();
                overturned += k.overturnRate() == null ? 0 : Math.round(k.overturnRate() * k.reviewedAfter());
                rows.add(new PanelData.Row(
                        model.name() + ": " + k.name(),
                        null,
                        List.of(
                                text(String.valueOf(k.units())),
                                text(share(k.accuracy())),
                                text(k.cohenKappa() == null ? "undefined" : format(k.cohenKappa())),
                                text(String.valueOf(k.reviewedAfter())),
                                text(share(k.overturnRate())))));
            }
            n += units;
            labels.add(model.name() + " (" + model.kind() + ")");
            agreementValues.add(units == 0 ? null : 100.0 * agreed / units);
            agreementCounts.add(units);
            overturnValues.add(reviewed == 0 ? null : 100.0 * overturned / reviewed);
            overturnCounts.add(reviewed);
        }
        List<String> notes = new ArrayList<>(notes(summary));
        if (labels.isEmpty()) {
            notes.add("No one has labelled an item the model labelled yet, so there is nothing to compare.");
        }
        notes.add("Agreement: the version's label against every person's latest label on the same subject. Overturned: "
                + "of the labels people gave after the version labelled the subject, the share that differ. A version "
                + "trained on people's labels agrees with those labels more than with new ones; its cross-validated "
                + "scores are on the Models page.");
        if ("table".equals(panel.definition().chart())) {
            return panel.data(
                    null,
                    null,
                    null,
                    List.of("items", "agreement", "Cohen's κ", "labelled after it", "overturned"),
                    rows,
                    n,
                    "model labels people also labelled",
                    null,
                    notes,
                    null);
        }
        List<PanelData.Series> series = List.of(
                new PanelData.Series("agrees with people", "aligned", null, agreementValues, agreementCounts, null),
                new PanelData.Series("overturned by people", "against", null, overturnValues, overturnCounts, null));
        return panel.data(
                "% of labels", labels, series, null, null, n, "model labels people also labelled", null, notes, null);
    }

    private static List<String> notes(AgreementSummary summary) {
        return List.of("Codebook " + summary.codebookName() + " (version " + summary.codebookVersion() + "); "
                + summary.humanLabels() + " people's labels (each person's latest per item and subject); 95 % "
                + "intervals from " + summary.bootstrapResamples() + " bootstrap resamples of the items.");
    }

    private static PanelData.Cell text(String value) {
        return new PanelData.Cell(null, value, null, null, null);
    }

    private static String alpha(AgreementReport.Alpha alpha) {
        return statistic(alpha.alpha(), alpha.interval());
    }

    private static String statistic(Double value, BootstrapInterval interval) {
        if (value == null) {
            return "undefined";
        }
        String ci = interval != null && interval.lower() != null
                ? " [" + format(interval.lower()) + ", " + format(interval.upper()) + "]"
                : "";
        return format(value) + ci;
    }

    private static String share(Double value) {
        return value == null ? "undefined" : String.format(Locale.ROOT, "%.0f%%", 100 * value);
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
