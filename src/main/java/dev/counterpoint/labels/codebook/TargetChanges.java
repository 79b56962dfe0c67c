package dev.counterpoint.labels.codebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.counterpoint.codebook.Codebook;
import dev.counterpoint.codebook.CodebookChanged;
import dev.counterpoint.codebook.CodebookFile;
import dev.counterpoint.codebook.CodebookRegistry;
import dev.counterpoint.codebook.CodebookVersion;
import dev.counterpoint.codebook.InvalidCodebookException;
import dev.counterpoint.platform.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Changes a codebook's targets in the app, each change a new codebook version: add a target, rename one (its name,
 * and optionally its slug), merge several into one, split one into several. People's labels on the targets that
 * change are never dropped: renamed and merged targets get them carried over as new labels that say where they came
 * from (a person whose labels on merged targets conflict is asked again instead), and items labelled on a split
 * target are put in the review queue for each of its parts. The model labels the documents again afterwards.
 */
@ApplicationScoped
@Transactional
public class TargetChanges {

    /** What a change did: the new version, and how many labels it carried over or items it asked about again. */
    public record Result(String kind, int version, List<String> from, List<String> to, int carried, int requested) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    CodebookRegistry registry;

    @Inject
    LabelCarrier carrier;

    @Inject
    EntityManager entityManager;

    @Inject
    AuditLog audit;

    @Inject
    Event<CodebookChanged> changed;

    public Result add(String codebook, CodebookFile.TargetEntry target, String admin) {
        Codebook book = find(codebook);
        CodebookFile file = CodebookFile.of(book.latestVersion());
        List<CodebookFile.TargetEntry> targets = new ArrayList<>(file.targets());
        targets.add(target);
        CodebookVersion version = record(file, targets, admin);
        return done(book, version, "add", List.of(), List.of(target.slug()), 0, 0, admin);
    }

    public Result rename(String codebook, String slug, String newName, String newSlug, String admin) {
        Codebook book = find(codebook);
        CodebookFile file = CodebookFile.of(book.latestVersion());
        CodebookFile.TargetEntry old = target(file, slug);
        String to = newSlug == null || newSlug.isBlank() ? slug : newSlug.strip();
        List<CodebookFile.TargetEntry> targets = new ArrayList<>();
        for (CodebookFile.TargetEntry t : file.targets()) {
            targets.add(
                    t.slug().equals(slug)
                            ? copy(old, to, newName == null || newName.isBlank() ? old.name() : newName.strip())
                            : withOpponent(t, slug, to));
        }
        CodebookVersion version = record(file, targets, admin);
        int carried = to.equals(slug)
                ? 0
                : carrier.carry(book.id, List.of(slug), to, version.id, "renamed from '" + slug + "'");
        return done(book, version, "rename", List.of(slug), List.of(to), carried, 0, admin);
    }

    public Result merge(String codebook, List<String> from, CodebookFile.TargetEntry into, String admin) {
        Codebook book = find(codebook);
        CodebookFile file = CodebookFile.of(book.latestVersion());
        if (from == null || from.stream().distinct().count() < 2) {
            throw new InvalidCodebookException("Choose two or more targets to merge.");
        }
        from.forEach(slug -> target(file, slug));
        List<CodebookFile.TargetEntry> targets = new ArrayList<>();
        boolean placed = false;
        for (CodebookFile.TargetEntry t : file.targets()) {
            if (from.contains(t.slug())) {
                if (!placed) {
                    targets.add(into);
                    placed = true;
                }
            } else {
                targets.add(withoutOpponents(t, from, into.slug()));
            }
        }
        CodebookVersion version = record(file, targets, admin);
        LabelCarrier.Merged merged = carrier.merge(book.id, from, into.slug(), version.id);
        return done(book, version, "merge", from, List.of(into.slug()), merged.carried(), merged.requested(), admin);
    }

    public Result split(String codebook, String from, List<CodebookFile.TargetEntry> into, String admin) {
        Codebook book = find(codebook);
        CodebookFile file = CodebookFile.of(book.latestVersion());
        target(file, from);
        if (into == null || into.size() < 2) {
            throw new InvalidCodebookException("A split makes two or more targets; describe each.");
        }
        List<CodebookFile.TargetEntry> targets = new ArrayList<>();
        for (CodebookFile.TargetEntry t : file.targets()) {
            if (t.slug().equals(from)) {
                targets.addAll(into);
            } else {
                targets.add(withoutOpponents(t, List.of(from), null));
            }
        }
        CodebookVersion version = record(file, targets, admin);
        List<String> to = into.stream().map(CodebookFile.TargetEntry::slug).toList();
        int requested = carrier.requestRelabel(book.id, from, to, version.id, "split from '" + from + "'");
        return done(book, version, "split", List.of(from), to, 0, requested, admin);
    }

    private CodebookVersion record(CodebookFile file, List<CodebookFile.TargetEntry> targets, String admin) {
        CodebookFile changedFile =
                new CodebookFile(file.slug(), file.name(), file.description(), targets).checked("The change");
        return registry.record(changedFile, "app:" + admin);
    }

    private Result done(
            Codebook book,
            CodebookVersion version,
            String kind,
            List<String> from,
            List<String> to,
            int carried,
            int requested,
            String admin) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("from", from);
        detail.put("to", to);
        detail.put("carried", carried);
        detail.put("requested", requested);
        entityManager
                .createNativeQuery("INSERT INTO codebook_change (codebook_version_id, kind, detail, made_by) "
                        + "VALUES (?1, ?2, CAST(?3 AS jsonb), ?4)")
                .setParameter(1, version.id)
                .setParameter(2, kind)
                .setParameter(3, json(detail))
                .setParameter(4, admin)
                .executeUpdate();
        audit.record(admin, "codebook-" + kind, book.slug + " v" + version.version, detail);
        changed.fire(new CodebookChanged(book.id, version.version, admin));
        return new Result(kind, version.version, from, to, carried, requested);
    }

    private static Codebook find(String slug) {
        return Codebook.findBySlug(slug)
                .orElseThrow(() -> new InvalidCodebookException("There is no codebook '" + slug + "'."));
    }

    private static CodebookFile.TargetEntry target(CodebookFile file, String slug) {
        return file.targets().stream()
                .filter(t -> t.slug().equals(slug))
                .findFirst()
                .orElseThrow(() ->
                        new InvalidCodebookException("The codebook " + file.slug() + " has no target '" + slug + "'."));
    }

    private static CodebookFile.TargetEntry copy(CodebookFile.TargetEntry t, String slug, String name) {
        return new CodebookFile.TargetEntry(
                slug, name, t.description(), t.aliases(), t.favorExamples(), t.againstExamples(), t.opponents());
    }

    /** Opponent slugs follow a rename. */
    private static CodebookFile.TargetEntry withOpponent(CodebookFile.TargetEntry t, String from, String to) {
        if (t.opponents() == null || !t.opponents().contains(from)) {
            return t;
        }
        return new CodebookFile.TargetEntry(
                t.slug(),
                t.name(),
                t.description(),
                t.aliases(),
                t.favorExamples(),
                t.againstExamples(),
                t.opponents().stream().map(o -> o.equals(from) ? to : o).toList());
    }

    /** Opponents that no longer exist go; those merged become the merged target. */
    private static CodebookFile.TargetEntry withoutOpponents(
            CodebookFile.TargetEntry t, List<String> gone, String into) {
        if (t.opponents() == null || t.opponents().stream().noneMatch(gone::contains)) {
            return t;
        }
        List<String> opponents = t.opponents().stream()
                .map(o -> gone.contains(o) ? into : o)
                .filter(o -> o != null && !o.equals(t.slug()))
                .distinct()
                .toList();
        return new CodebookFile.TargetEntry(
                t.slug(), t.name(), t.description(), t.aliases(), t.favorExamples(), t.againstExamples(), opponents);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
