package dev.counterpoint.codebook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/** Records codebook files in the database, adding a version only when a file's content has changed. */
@ApplicationScoped
@Transactional
public class CodebookRegistry {

    /**
     * Records a codebook file read at start-up. A file whose content some version already has is not recorded
     * again, so changes made in the app since (later versions) survive a restart with the same file.
     */
    public CodebookVersion register(CodebookFile file, String source) {
        Codebook codebook = Codebook.findBySlug(file.slug()).orElseGet(() -> create(file));
        CodebookVersion latest = codebook.latestVersion();
        if (latest != null
                && CodebookVersion.count("codebook = ?1 and contentSha256 = ?2", codebook, file.sha256()) > 0) {
            return latest;
        }
        codebook.name = file.name();
        return newVersion(codebook, file, source);
    }

    /** Records a codebook changed in the app as its next version (unless nothing changed). */
    public CodebookVersion record(CodebookFile file, String source) {
        Codebook codebook = Codebook.findBySlug(file.slug())
                .orElseThrow(() -> new InvalidCodebookException("There is no codebook '" + file.slug() + "'."));
        CodebookVersion latest = codebook.latestVersion();
        if (latest != null && latest.contentSha256.equals(file.sha256())) {
            throw new InvalidCodebookException("Nothing changed: the codebook is already like this.");
        }
        return newVersion(codebook, file, source);
    }

    private CodebookVersion newVersion(Codebook codebook, CodebookFile file, String source) {
        CodebookVersion latest = codebook.latestVersion();
        String sha256 = file.sha256();
        CodebookVersion version = new CodebookVersion();
        version.codebook = codebook;
        version.version = latest == null ? 1 : latest.version + 1;
        version.description = file.description();
        version.contentSha256 = sha256;
        version.source = source;
        version.persist();
        for (int i = 0; i < file.targets().size(); i++) {
            version.targets.add(persistTarget(version, i + 1, file.targets().get(i)));
        }
        return version;
    }

    private static Codebook create(CodebookFile file) {
        Codebook codebook = new Codebook();
        codebook.slug = file.slug();
        codebook.name = file.name();
        codebook.persist();
        return codebook;
    }

    private static Target persistTarget(CodebookVersion version, int position, CodebookFile.TargetEntry entry) {
        Target target = new Target();
        target.codebookVersion = version;
        target.position = position;
        target.slug = entry.slug();
        target.name = entry.name();
        target.description = entry.description().strip();
        target.aliases = nonBlank(entry.aliases());
        target.favorExamples = nonBlank(entry.favorExamples());
        target.againstExamples = nonBlank(entry.againstExamples());
        target.opponents = nonBlank(entry.opponents());
        target.persist();
        return target;
    }

    private static List<String> nonBlank(List<String> values) {
        List<String> kept = new ArrayList<>();
        if (values != null) {
            values.stream()
                    .filter(v -> v != null && !v.isBlank())
                    .map(String::strip)
                    .forEach(kept::add);
        }
        return kept;
    }
}
