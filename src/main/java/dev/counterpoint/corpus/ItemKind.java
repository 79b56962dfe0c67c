package dev.counterpoint.corpus;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** What an item is: the article as a whole, one of its paragraphs, or a reader comment. */
public enum ItemKind {
    ARTICLE,
    PARAGRAPH,
    COMMENT;

    /** The name used in the database, files and URLs. */
    public String code() {
        return name().toLowerCase();
    }

    public static ItemKind fromCode(String code) {
        return valueOf(code.toUpperCase());
    }

    @Converter(autoApply = true)
    public static class DatabaseCode implements AttributeConverter<ItemKind, String> {
        @Override
        public String convertToDatabaseColumn(ItemKind kind) {
            return kind == null ? null : kind.code();
        }

        @Override
        public ItemKind convertToEntityAttribute(String code) {
            return code == null ? null : fromCode(code);
        }
    }
}
