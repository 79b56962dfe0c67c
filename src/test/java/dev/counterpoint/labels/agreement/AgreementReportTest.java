package dev.counterpoint.labels.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AgreementReportTest {

    private static final Bootstrap FEW_RESAMPLES = new Bootstrap(200, 3, 0.95);

    private final ReliabilityData example = Examples.krippendorff2011();
    private final AgreementReport report = AgreementReport.of(example);

    @Test
    void it_counts_the_units_coders_and_ratings_behind_it() {
        assertEquals(12, report.units());
        assertEquals(4, report.coders());
        assertEquals(41, report.ratings()); // A 9, B 11, C 10, D 11
        assertEquals(11, report.pairableUnits());
    }

    @Test
    void krippendorffs_alpha_is_the_published_one_with_its_units_coders_and_values() {
        AgreementReport.Alpha nominal = report.krippendorffAlphaNominal();
        assertEquals(0.743, nominal.alpha(), 0.001);
        assertEquals(0.815, report.krippendorffAlphaOrdinal().alpha(), 0.001);
        assertEquals(11, nominal.units());
        assertEquals(4, nominal.coders());
        assertEquals(40, nominal.values());
        assertTrue(nominal.interval().contains(nominal.alpha()));
        assertEquals(1000, nominal.interval().resamplesDrawn());
    }

    @Test
    void every_coder_pair_that_shares_units_gets_cohens_kappa() {
        assertEquals(6, report.coderPairs().size());
        AgreementReport.CoderPair ab = report.coderPairs().get(0);
        assertEquals("c0", ab.coderA());
        assertEquals("c1", ab.coderB());
        assertEquals(9, ab.units());
        CohenKappa kappa = CohenKappa.between(example, 0, 1);
        assertEquals(kappa.kappa(), ab.kappa());
        assertEquals(kappa.observedAgreement(), ab.observedAgreement());
        assertEquals(kappa.expectedAgreement(), ab.expectedAgreement());
        assertEquals(Bootstrap.withDefaults().cohenKappa(example, 0, 1), ab.interval());
    }

    @Test
    void coder_pairs_without_a_shared_unit_are_left_out() {
        ReliabilityData data = Examples.coderRows(List.of("0", "1"), "0 1 . .", ". . 1 0", "0 1 1 0");
        AgreementReport sparse = AgreementReport.of(data, FEW_RESAMPLES);
        assertEquals(2, sparse.coderPairs().size());
        assertEquals("c0", sparse.coderPairs().get(0).coderA());
        assertEquals("c2", sparse.coderPairs().get(0).coderB());
        assertEquals("c1", sparse.coderPairs().get(1).coderA());
    }

    @Test
    void fleiss_kappa_uses_the_units_with_the_modal_number_of_raters() {
        AgreementReport.Fleiss fleiss = report.fleissKappa();
        assertEquals(8, fleiss.units());
        assertEquals(3, fleiss.unitsLeftOut());
        assertEquals(4, fleiss.coders());
        assertEquals(4, fleiss.ratersPerUnit());
        assertEquals(FleissKappa.ofModalRaterCount(example).kappa(), fleiss.kappa());
        assertTrue(fleiss.interval().contains(fleiss.kappa()));
    }

    @Test
    void observed_agreement_is_the_mean_share_of_agreeing_coder_pairs_per_unit() {
        // Units (0,0,0), (0,0,1), (0,1,–), (1,–,–): shares 1, 1/3, 0; the last unit is not pairable.
        ReliabilityData data = Examples.coderRows(List.of("0", "1"), "0 0 0 1", "0 0 1 .", "0 1 . .");
        assertEquals(4.0 / 9, AgreementReport.of(data, FEW_RESAMPLES).observedAgreement(), 1e-12);
    }

    @Test
    void perfect_agreement_gives_1_everywhere() {
        ReliabilityData data =
                Examples.coderRows(Examples.STANCE, "favor none against favor", "favor none against favor");
        AgreementReport perfect = AgreementReport.of(data, FEW_RESAMPLES);
        assertEquals(1, perfect.observedAgreement());
        assertEquals(1, perfect.coderPairs().get(0).kappa(), 1e-12);
        assertEquals(1, perfect.fleissKappa().kappa(), 1e-12);
        assertEquals(1, perfect.krippendorffAlphaNominal().alpha(), 1e-12);
        assertEquals(1, perfect.krippendorffAlphaOrdinal().alpha(), 1e-12);
    }

    @Test
    void undefined_statistics_are_null_and_empty_data_gives_a_report_not_an_exception() {
        ReliabilityData oneCategory = Examples.coderRows(Examples.STANCE, "none none", "none none");
        AgreementReport undefined = AgreementReport.of(oneCategory, FEW_RESAMPLES);
        assertNull(undefined.coderPairs().get(0).kappa());
        assertEquals(1, undefined.coderPairs().get(0).observedAgreement());
        assertNull(undefined.fleissKappa().kappa());
        assertNull(undefined.krippendorffAlphaNominal().alpha());
        assertFalse(undefined.krippendorffAlphaNominal().interval().defined());

        AgreementReport empty = AgreementReport.of(ReliabilityData.fromRatings(Examples.STANCE, List.of()));
        assertEquals(0, empty.units());
        assertNull(empty.observedAgreement());
        assertTrue(empty.coderPairs().isEmpty());
        assertEquals(0, empty.fleissKappa().ratersPerUnit());
        assertNull(empty.fleissKappa().kappa());
        assertNull(empty.krippendorffAlphaOrdinal().alpha());
    }

    @Test
    void it_serialises_to_json_with_null_for_undefined_and_reads_back_equal() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ReliabilityData oneCategory = Examples.coderRows(Examples.STANCE, "none none .", "none none none");
        AgreementReport undefined = AgreementReport.of(oneCategory, FEW_RESAMPLES);
        String text = json.writeValueAsString(undefined);
        assertFalse(text.contains("NaN"), text);
        JsonNode tree = json.readTree(text);
        assertTrue(tree.get("krippendorffAlphaNominal").get("alpha").isNull(), text);
        assertTrue(tree.get("fleissKappa").get("interval").get("lower").isNull(), text);
        assertEquals(undefined, json.readValue(text, AgreementReport.class));

        String full = json.writeValueAsString(report);
        assertEquals(report, json.readValue(full, AgreementReport.class));
        assertEquals(
                0.743,
                json.readTree(full).get("krippendorffAlphaNominal").get("alpha").asDouble(),
                0.001);
    }
}
