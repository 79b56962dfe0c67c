/**
 * Inter-annotator agreement: Cohen's and Fleiss' kappa, Krippendorff's alpha and bootstrap intervals over a
 * units × coders matrix of nominal or ordered categories ({@link dev.counterpoint.labels.agreement.ReliabilityData}).
 *
 * <p>Pure Java with no framework dependencies. Conventions shared by every class here:
 *
 * <ul>
 *   <li>A statistic that the data cannot define (no units, or no variation so chance agreement is certain) is
 *       {@link Double#NaN} in the records that compute it ({@code CohenKappa}, {@code FleissKappa},
 *       {@code KrippendorffAlpha}) and {@code null} in the records meant for JSON ({@code AgreementReport},
 *       {@code ModelAgreement}, {@code BootstrapInterval}), because JSON has no NaN. Undefined is never reported as
 *       0 or 1.
 *   <li>Malformed input (a non-square confusion table, negative counts, an unknown category, one coder giving a unit
 *       two different values) is refused with {@link IllegalArgumentException}, and so is Fleiss' kappa over units
 *       with different numbers of ratings; nothing else throws.
 *   <li>The order of the category list matters only for the ordinal and interval metrics; the order of units and
 *       coders never changes a point estimate.
 * </ul>
 */
package dev.counterpoint.labels.agreement;
