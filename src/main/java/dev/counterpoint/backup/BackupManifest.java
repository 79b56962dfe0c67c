package dev.counterpoint.backup;

import java.util.List;

/** The first entry of a backup file: what it holds, so a restore can refuse a file it cannot load faithfully. */
record BackupManifest(
        String format, int formatVersion, String schemaVersion, String createdAt, List<TableEntry> tables) {

    static final String FORMAT = "counterpoint-backup";
    static final int FORMAT_VERSION = 1;
    static final String ENTRY = "manifest.json";

    record TableEntry(String name, List<String> columns, long rows) {

        String entry() {
            return "tables/" + name + ".copy";
        }
    }
}
