package dev.counterpoint.labels.agreement;

import java.util.Objects;

/**
 * One coder's category for one unit, as read from a labels table. A {@code null} value means the coder saw the unit
 * but gave no category; it counts as missing.
 */
public record Rating(String unit, String coder, String value) {
    public Rating {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(coder, "coder");
    }
}
