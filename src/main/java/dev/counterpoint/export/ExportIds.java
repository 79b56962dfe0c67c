package dev.counterpoint.export;

/** The id an exported item carries: the source's own, or one made from its kind and position. */
final class ExportIds {

    private ExportIds() {}

    static String of(String kind, int position, String externalId) {
        if (externalId != null) {
            return externalId;
        }
        return switch (kind) {
            case "article" -> "article";
            case "paragraph" -> "p" + position;
            default -> "c" + position;
        };
    }
}
