package dev.counterpoint.labels;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;

/**
 * What a label says something about: stance toward one codebook target, or the item's sentiment or incivility.
 * The values match the {@code label_dimension} and {@code label_value} tables.
 */
public enum Dimension {
    STANCE(List.of("favor", "against", "none")),
    SENTIMENT(List.of("negative", "neutral", "positive")),
    INCIVILITY(List.of("civil", "uncivil"));

    private final List<String> labelValues;

    Dimension(List<String> values) {
        this.labelValues = values;
    }

    public String code() {
        return name().toLowerCase();
    }

    public List<String> labelValues() {
        return labelValues;
    }

    public static Dimension fromCode(String code) {
        return valueOf(code.toUpperCase());
    }

    @Converter(autoApply = true)
    public static class DatabaseCode implements AttributeConverter<Dimension, String> {
        @Override
        public String convertToDatabaseColumn(Dimension dimension) {
            return dimension == null ? null : dimension.code();
        }

        @Override
        public Dimension convertToEntityAttribute(String code) {
            return code == null ? null : fromCode(code);
        }
    }
}
