package dev.counterpoint.platform;

/**
 * What long work (import, export, classify, train) reports as it goes, so the command line can draw a progress bar
 * with rate and time left and the web pages can show the same figures. Implementations must be cheap to call per
 * item; the work calls them from its own thread.
 */
public interface Progress {

    /** Work on {@code task} starts; {@code total} is the number of units, or -1 when it is not known up front. */
    void start(String task, long total);

    /** {@code done} units of the current task are finished so far (a running total, not an increment). */
    void done(long done);

    /** The current task has ended, successfully or not. */
    void finish();

    /** Progress that goes nowhere, for callers that do not watch. */
    Progress NONE = new Progress() {
        @Override
        public void start(String task, long total) {}

        @Override
        public void done(long done) {}

        @Override
        public void finish() {}
    };
}
