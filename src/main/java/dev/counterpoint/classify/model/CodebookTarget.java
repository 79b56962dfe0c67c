package dev.counterpoint.classify.model;

import java.util.List;

/**
 * An analyst-written codebook entry for one stance target.
 *
 * @param name            display name, e.g. "Russia"
 * @param description     one or two sentences on what the target is
 * @param aliases         lower-case words or phrases that name the target; a trailing '*' matches any continuation
 *                        ("russia*" matches russia, russian, russians, russia's); hashtags match too
 * @param favorExamples   statements that take a FAVOR stance toward the target
 * @param againstExamples statements that take an AGAINST stance toward the target
 */
public record CodebookTarget(
        String name,
        String description,
        List<String> aliases,
        List<String> favorExamples,
        List<String> againstExamples) {}
