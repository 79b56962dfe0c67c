package dev.counterpoint.platform;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where Counterpoint keeps its data: the PostgreSQL server the user named, or else the embedded server that
 * keeps its files in the data folder.
 */
record DatabaseLocation(Optional<String> jdbcUrl, String username, String password, Path dataDir) {

    static final Setting DATA_DIR = new Setting("counterpoint.data-dir", "COUNTERPOINT_DATA_DIR");
    private static final Setting DB_URL = new Setting("counterpoint.db.url", "COUNTERPOINT_DB_URL");
    private static final Setting DB_USER = new Setting("counterpoint.db.user", "COUNTERPOINT_DB_USER");
    private static final Setting DB_PASSWORD = new Setting("counterpoint.db.password", "COUNTERPOINT_DB_PASSWORD");
    private static final Setting QUARKUS_URL =
            new Setting("quarkus.datasource.jdbc.url", "QUARKUS_DATASOURCE_JDBC_URL");
    private static final Setting QUARKUS_USER =
            new Setting("quarkus.datasource.username", "QUARKUS_DATASOURCE_USERNAME");
    private static final Setting QUARKUS_PASSWORD =
            new Setting("quarkus.datasource.password", "QUARKUS_DATASOURCE_PASSWORD");

    static DatabaseLocation fromEnvironment() {
        Path dataDir = DATA_DIR.value()
                .map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".counterpoint"));
        return new DatabaseLocation(
                Setting.first(DB_URL, QUARKUS_URL),
                Setting.first(DB_USER, QUARKUS_USER).orElse("postgres"),
                Setting.first(DB_PASSWORD, QUARKUS_PASSWORD).orElse(""),
                dataDir.toAbsolutePath().normalize());
    }

    /** A new, empty embedded database in a temporary folder, for runs that must not touch real data. */
    static DatabaseLocation freshTemporary() {
        return new DatabaseLocation(Optional.empty(), "postgres", "", TemporaryFolders.create("counterpoint-eval"));
    }

    boolean isExternal() {
        return jdbcUrl.isPresent();
    }
}
