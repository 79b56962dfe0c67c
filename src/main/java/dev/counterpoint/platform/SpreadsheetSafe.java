package dev.counterpoint.platform;

/**
 * Keeps spreadsheets from running CSV cells as formulas: a cell starting with {@code =}, {@code +}, {@code -},
 * {@code @}, tab or carriage return (after any apostrophes) gets one apostrophe in front. The CSV import takes
 * exactly one off again, so text survives a round trip unchanged, apostrophes included.
 */
public final class SpreadsheetSafe {

    private SpreadsheetSafe() {}

    public static String cell(String value) {
        return value != null && needsGuard(value) ? "'" + value : value;
    }

    /** The cell as it was before {@link #cell}. */
    public static String uncell(String value) {
        return value != null && value.startsWith("'") && needsGuard(value) ? value.substring(1) : value;
    }

    private static boolean needsGuard(String value) {
        int i = 0;
        while (i < value.length() && value.charAt(i) == '\'') {
            i++;
        }
        if (i == value.length()) {
            return false;
        }
        char c = value.charAt(i);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
