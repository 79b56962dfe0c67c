package dev.counterpoint.imports;

import dev.counterpoint.corpus.InvalidImportException;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything wrong with a file, gathered so one attempt shows every bad row (the first {@value #SHOWN} by line,
 * then how many more) instead of one error per attempt.
 */
public final class ImportProblems {

    public static final int SHOWN = 20;

    private final List<String> shown = new ArrayList<>();
    private int count;

    public void add(String problem) {
        count++;
        if (shown.size() < SHOWN) {
            shown.add(problem);
        }
    }

    public void add(int line, String reason) {
        add("Line " + line + ": " + reason);
    }

    public int count() {
        return count;
    }

    /** Refuses the file when anything was wrong with it; nothing has been stored by then. */
    public void throwIfAny() {
        if (count == 0) {
            return;
        }
        if (count == 1) {
            throw new InvalidImportException(shown.get(0));
        }
        StringBuilder message = new StringBuilder(String.join("\n", shown));
        if (count > shown.size()) {
            message.append("\n... and ").append(count - shown.size()).append(" more.");
        }
        message.append("\n").append(count).append(" problems in all; nothing was stored.");
        throw new InvalidImportException(message.toString());
    }
}
