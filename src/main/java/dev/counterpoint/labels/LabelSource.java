package dev.counterpoint.labels;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Who gave a label. Adjudicated labels settle disputes and count over human ones, which count over the model's. */
public enum LabelSource {
    MODEL,
    HUMAN,
    ADJUDICATED;

    public String code() {
        return name().toLowerCase();
    }

    public static LabelSource fromCode(String code) {
        return valueOf(code.toUpperCase());
    }

    @Converter(autoApply = true)
    public static class DatabaseCode implements AttributeConverter<LabelSource, String> {
        @Override
        public String convertToDatabaseColumn(LabelSource source) {
            return source == null ? null : source.code();
        }

        @Override
        public LabelSource convertToEntityAttribute(String code) {
            return code == null ? null : fromCode(code);
        }
    }
}
