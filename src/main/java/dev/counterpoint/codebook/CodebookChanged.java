package dev.counterpoint.codebook;

/**
 * Fired (as a CDI event) after a codebook got a new version in the app, once that change has committed: its
 * documents need labelling against the new targets.
 */
public record CodebookChanged(long codebookId, int version, String changedBy) {}
