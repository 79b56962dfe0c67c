package dev.counterpoint.platform;

import java.util.Optional;

/**
 * Reads a setting before Quarkus's own configuration exists: a system property first, then the environment
 * variable. Only the launcher needs this; everything that runs inside Quarkus uses its configuration.
 */
record Setting(String property, String environmentVariable) {

    Optional<String> value() {
        String fromProperty = System.getProperty(property);
        if (fromProperty != null && !fromProperty.isBlank()) {
            return Optional.of(fromProperty.trim());
        }
        String fromEnvironment = System.getenv(environmentVariable);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Optional.of(fromEnvironment.trim());
        }
        return Optional.empty();
    }

    static Optional<String> first(Setting... settings) {
        for (Setting setting : settings) {
            Optional<String> value = setting.value();
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }
}
