package dev.counterpoint.classify.transfer;

import dev.counterpoint.classify.model.TargetSpec;
import dev.counterpoint.classify.text.TextEncoder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every target of one codebook encoded, each with the encodings of its declared opponents, standardised over the
 * corpus being labelled. With a small corpus the codebook's own statements (every target's examples and
 * descriptions) stand in for it, so another target's statements play the off-topic texts.
 */
public final class CodebookEncodings {

    private final List<TargetSpec> targets;
    private final List<TargetEncoding> encodings;
    private final List<List<TargetEncoding>> opponents;
    private final float[][] statements;

    private CodebookEncodings(List<TargetSpec> targets, List<TargetEncoding> encodings, float[][] statements) {
        this.targets = targets;
        this.encodings = encodings;
        this.statements = statements;
        Map<String, TargetEncoding> bySlug = new HashMap<>();
        for (TargetEncoding e : encodings) {
            bySlug.put(e.slug(), e);
        }
        this.opponents = new ArrayList<>();
        for (TargetSpec target : targets) {
            opponents.add(target.opponents().stream()
                    .map(bySlug::get)
                    .filter(Objects::nonNull)
                    .toList());
        }
    }

    public static CodebookEncodings of(List<TargetSpec> targets, TextEncoder encoder) {
        List<TargetEncoding> encodings = new ArrayList<>();
        List<float[]> statements = new ArrayList<>();
        for (TargetSpec target : targets) {
            TargetEncoding encoding = TargetEncoding.of(target, encoder);
            encodings.add(encoding);
            statements.add(encoding.description());
            statements.addAll(List.of(encoding.favor()));
            statements.addAll(List.of(encoding.against()));
        }
        CodebookEncodings raw = new CodebookEncodings(targets, encodings, statements.toArray(float[][]::new));
        return raw.normalisedOver(new float[0][]);
    }

    /** The same codebook standardised over the vectors of the corpus being labelled. */
    public CodebookEncodings normalisedOver(float[][] corpus) {
        List<TargetEncoding> normalised = encodings.stream()
                .map(e -> e.normalisedOver(corpus, statements))
                .toList();
        return new CodebookEncodings(targets, normalised, statements);
    }

    public int size() {
        return targets.size();
    }

    public TargetSpec target(int t) {
        return targets.get(t);
    }

    public TargetEncoding encoding(int t) {
        return encodings.get(t);
    }

    public List<TargetEncoding> opponents(int t) {
        return opponents.get(t);
    }

    public int indexOf(String slug) {
        for (int t = 0; t < targets.size(); t++) {
            if (targets.get(t).slug().equals(slug)) {
                return t;
            }
        }
        return -1;
    }
}
