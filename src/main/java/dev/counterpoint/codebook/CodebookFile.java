package dev.counterpoint.codebook;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A codebook as people write it: a YAML (or JSON) file with a slug, a name and its targets, each with a
 * description, aliases and example statements for and against. See docs/codebook-format.md.
 */
public record CodebookFile(String slug, String name, String description, List<TargetEntry> targets) {

    public record TargetEntry(
            String slug,
            String name,
            String description,
            List<String> aliases,
            @JsonProperty("favor") List<String> favorExamples,
            @JsonProperty("against") List<String> againstExamples,
            List<String> opponents) {

        public TargetEntry(
                String slug,
                String name,
                String description,
                List<String> aliases,
                List<String> favorExamples,
                List<String> againstExamples) {
            this(slug, name, description, aliases, favorExamples, againstExamples, null);
        }
    }

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> RESERVED_SLUGS = Set.of("sentiment", "incivility");
    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public static CodebookFile parse(String content, String source) {
        CodebookFile file;
        try {
            file = YAML.readValue(content, CodebookFile.class);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidCodebookException(
                    source + ": unknown field '" + e.getPropertyName() + "'"
                            + location(e) + "; the fields are slug, name, description and targets (slug, name, "
                            + "description, aliases, favor, against, opponents).",
                    e);
        } catch (JsonProcessingException e) {
            throw new InvalidCodebookException(
                    source + ": not a readable codebook (" + e.getOriginalMessage() + location(e) + ").", e);
        }
        if (file == null) {
            throw new InvalidCodebookException(source + ": the file is empty.");
        }
        file.validate(source);
        return file;
    }

    /** A stored version as a file would say it, to change it and record the result as the next version. */
    public static CodebookFile of(CodebookVersion version) {
        return new CodebookFile(
                version.codebook.slug,
                version.codebook.name,
                version.description,
                version.targets.stream()
                        .map(t -> new TargetEntry(
                                t.slug,
                                t.name,
                                t.description,
                                List.copyOf(t.aliases),
                                List.copyOf(t.favorExamples),
                                List.copyOf(t.againstExamples),
                                List.copyOf(t.opponents)))
                        .toList());
    }

    /** The same codebook, checked as a file is; the message of a refusal begins with {@code source}. */
    public CodebookFile checked(String source) {
        validate(source);
        return this;
    }

    /** A fingerprint of the content, so loading an unchanged file does not make a new version. */
    public String sha256() {
        try {
            byte[] canonical = YAML.writeValueAsString(this).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint codebook " + slug, e);
        }
    }

    private void validate(String source) {
        requireSlug(slug, source + ": the codebook's slug");
        require(name, source + ": the codebook needs a name");
        if (targets == null || targets.isEmpty()) {
            throw new InvalidCodebookException(
                    source + ": the codebook has no targets; add at least one under 'targets'.");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < targets.size(); i++) {
            TargetEntry target = targets.get(i);
            if (target == null) {
                throw new InvalidCodebookException(source + ": target #" + (i + 1) + " is empty.");
            }
            String where = source + ": target '" + (target.slug() == null ? "#" + (i + 1) : target.slug()) + "'";
            requireSlug(target.slug(), where + ": its slug");
            if (RESERVED_SLUGS.contains(target.slug())) {
                throw new InvalidCodebookException(
                        where + ": 'sentiment' and 'incivility' are reserved; choose another slug.");
            }
            if (!seen.add(target.slug())) {
                throw new InvalidCodebookException(
                        where + ": the slug is used by another target too; slugs must be unique.");
            }
            require(target.name(), where + ": needs a name");
            require(target.description(), where + ": needs a description");
            requireExamples(target.favorExamples(), where + ": needs at least one 'favor' example statement");
            requireExamples(target.againstExamples(), where + ": needs at least one 'against' example statement");
        }
        for (TargetEntry target : targets) {
            for (String opponent : target.opponents() == null ? List.<String>of() : target.opponents()) {
                if (!seen.contains(opponent) || opponent.equals(target.slug())) {
                    throw new InvalidCodebookException(source + ": target '" + target.slug() + "': opponent '"
                            + opponent + "' is not another target of this codebook.");
                }
            }
        }
    }

    private static void requireSlug(String slug, String what) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw new InvalidCodebookException(what + " must be lowercase letters, digits and single hyphens (got "
                    + (slug == null ? "nothing" : "'" + slug + "'") + ").");
        }
    }

    private static void require(String value, String message) {
        if (value == null || value.isBlank()) {
            throw new InvalidCodebookException(message + ".");
        }
    }

    private static void requireExamples(List<String> examples, String message) {
        if (examples == null || examples.stream().allMatch(e -> e == null || e.isBlank())) {
            throw new InvalidCodebookException(message + ".");
        }
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
    }
}
