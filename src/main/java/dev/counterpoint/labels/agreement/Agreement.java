package dev.counterpoint.labels.agreement;

import dev.counterpoint.codebook.Codebook;
import dev.counterpoint.codebook.CodebookVersion;
import dev.counterpoint.codebook.Target;
import dev.counterpoint.platform.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Computes a codebook's {@link AgreementSummary} from the people's latest label per item, subject and person, and
 * keeps it until someone labels again (the cache key is the newest person's label), since bootstrap intervals take
 * seconds on thousands of items.
 */
@ApplicationScoped
public class Agreement {

    /** Enough for a stable 95 % interval on a dashboard; the library's default of 1,000 is for reports. */
    static final int RESAMPLES = 300;
    /** Fewer resamples for large data, whose intervals are narrow anyway: about this many unit draws in all. */
    static final long DRAW_BUDGET = 3_000_000;

    static final int MIN_RESAMPLES = 50;

    static final List<String> STANCE_ORDER = List.of("against", "none", "favor");
    static final List<String> SENTIMENT_ORDER = List.of("negative", "neutral", "positive");
    static final List<String> INCIVILITY_ORDER = List.of("civil", "uncivil");

    private static final String PEOPLE = """
            SELECT DISTINCT ON (l.item_id, l.dimension, coalesce(l.target, ''), l.annotator)
                   l.item_id, l.dimension, coalesce(l.target, '') AS target, l.annotator, l.value
            FROM label l JOIN item i ON i.id = l.item_id JOIN document d ON d.id = i.document_id
            WHERE l.source = 'human' AND d.codebook_id = ?
            ORDER BY l.item_id, l.dimension, coalesce(l.target, ''), l.annotator, l.created_at DESC, l.id DESC""";

    private static final String MODEL_VERSUS_PEOPLE = """
            WITH people AS (
                SELECT DISTINCT ON (l.item_id, l.dimension, coalesce(l.target, ''), l.annotator)
                       l.item_id, l.dimension, coalesce(l.target, '') AS target, l.annotator, l.value, l.created_at
                FROM label l JOIN item i ON i.id = l.item_id JOIN document d ON d.id = i.document_id
                WHERE l.source = 'human' AND d.codebook_id = ?
                ORDER BY l.item_id, l.dimension, coalesce(l.target, ''), l.annotator, l.created_at DESC, l.id DESC),
            model AS (
                SELECT DISTINCT ON (l.model_version_id, l.item_id, l.dimension, coalesce(l.target, ''))
                       l.model_version_id, l.item_id, l.dimension, coalesce(l.target, '') AS target, l.value,
                       l.created_at
                FROM label l JOIN (SELECT DISTINCT item_id FROM people) p ON p.item_id = l.item_id
                WHERE l.source = 'model'
                ORDER BY l.model_version_id, l.item_id, l.dimension, coalesce(l.target, ''), l.created_at DESC,
                         l.id DESC)
            SELECT mv.name, mv.kind, mv.created_at::text AS created_at, m.item_id, p.annotator, m.dimension, m.target,
                   m.value AS model_value, p.value AS human_value, p.created_at > m.created_at AS after
            FROM model m JOIN people p USING (item_id, dimension, target)
            JOIN model_version mv ON mv.id = m.model_version_id
            ORDER BY mv.created_at, mv.id""";

    private record Cached(String fingerprint, AgreementSummary summary) {}

    @Inject
    DataSource dataSource;

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    @Transactional(Transactional.TxType.SUPPORTS)
    public AgreementSummary of(String codebookSlug) {
        Codebook codebook = Codebook.findBySlug(codebookSlug)
                .orElseThrow(() -> new NotFoundException("There is no codebook '" + codebookSlug + "'."));
        String fingerprint = fingerprint(codebook.id);
        Cached cached = cache.get(codebookSlug);
        if (cached != null && cached.fingerprint().equals(fingerprint)) {
            return cached.summary();
        }
        AgreementSummary summary = compute(codebook);
        cache.put(codebookSlug, new Cached(fingerprint, summary));
        return summary;
    }

    private AgreementSummary compute(Codebook codebook) {
        CodebookVersion version = codebook.latestVersion();
        Map<String, String> names = new LinkedHashMap<>();
        for (Target target : version.targets) {
            names.put(target.slug, target.name);
        }
        Map<String, ReliabilityDataBuilder> byKey = new LinkedHashMap<>();
        names.keySet().forEach(slug -> byKey.put(slug, ReliabilityData.builder(STANCE_ORDER)));
        byKey.put("sentiment", ReliabilityData.builder(SENTIMENT_ORDER));
        byKey.put("incivility", ReliabilityData.builder(INCIVILITY_ORDER));
        ReliabilityDataBuilder allTargets = ReliabilityData.builder(STANCE_ORDER);
        long labels = 0;
        for (Map<String, Object> row : new Sql().append(PEOPLE, codebook.id).rows(dataSource)) {
            String key =
                    "stance".equals(row.get("dimension")) ? (String) row.get("target") : (String) row.get("dimension");
            ReliabilityDataBuilder builder = byKey.get(key);
            if (builder == null) {
                continue; // a target no longer in the codebook
            }
            String unit = String.valueOf(row.get("item_id"));
            builder.add(unit, (String) row.get("annotator"), (String) row.get("value"));
            if ("stance".equals(row.get("dimension"))) {
                allTargets.add(unit + ":" + key, (String) row.get("annotator"), (String) row.get("value"));
            }
            labels++;
        }
        ReliabilityData pooled = allTargets.build();
        int resamples = (int) Math.max(
                MIN_RESAMPLES,
                Math.min(
                        RESAMPLES,
                        DRAW_BUDGET / Math.max(1, pooled.pairableUnits().unitCount())));
        Bootstrap bootstrap = new Bootstrap(resamples, Bootstrap.DEFAULT_SEED, Bootstrap.DEFAULT_CONFIDENCE);
        List<AgreementSummary.Family> families = new ArrayList<>();
        families.add(new AgreementSummary.Family(
                "all-targets",
                "All targets together",
                STANCE_ORDER,
                AgreementReport.of(allTargets.build(), bootstrap)));
        byKey.forEach((key, builder) -> families.add(new AgreementSummary.Family(
                key,
                names.getOrDefault(key, "sentiment".equals(key) ? "Sentiment" : "Incivility"),
                categories(key),
                AgreementReport.of(builder.build(), bootstrap))));
        return new AgreementSummary(
                codebook.slug, codebook.name, version.version, labels, RESAMPLES, families, models(codebook.id, names));
    }

    private List<AgreementSummary.ModelVersionAgreement> models(long codebookId, Map<String, String> names) {
        record Version(String name, String kind, String createdAt) {}
        Map<Version, Map<String, List<Map<String, Object>>>> byVersion = new LinkedHashMap<>();
        for (Map<String, Object> row :
                new Sql().append(MODEL_VERSUS_PEOPLE, codebookId).rows(dataSource)) {
            String key =
                    "stance".equals(row.get("dimension")) ? (String) row.get("target") : (String) row.get("dimension");
            if (!names.containsKey(key) && !"sentiment".equals(key) && !"incivility".equals(key)) {
                continue;
            }
            byVersion
                    .computeIfAbsent(
                            new Version(
                                    (String) row.get("name"), (String) row.get("kind"), (String) row.get("created_at")),
                            v -> new LinkedHashMap<>())
                    .computeIfAbsent(key, k -> new ArrayList<>())
                    .add(row);
        }
        List<AgreementSummary.ModelVersionAgreement> models = new ArrayList<>();
        byVersion.forEach((version, byKey) -> {
            List<AgreementSummary.ModelVersusPeople> perKey = new ArrayList<>();
            byKey.forEach((key, rows) -> {
                List<ModelAgreement.Comparison> all = new ArrayList<>();
                List<ModelAgreement.Comparison> after = new ArrayList<>();
                for (Map<String, Object> r : rows) {
                    ModelAgreement.Comparison c = new ModelAgreement.Comparison(
                            r.get("item_id") + ":" + r.get("annotator"), (String) r.get("model_value"), (String)
                                    r.get("human_value"));
                    all.add(c);
                    if (Boolean.TRUE.equals(r.get("after"))) {
                        after.add(c);
                    }
                }
                ModelAgreement overall = ModelAgreement.of(categories(key), all);
                ModelAgreement reviewed = ModelAgreement.of(categories(key), after);
                perKey.add(new AgreementSummary.ModelVersusPeople(
                        key,
                        names.getOrDefault(key, "sentiment".equals(key) ? "Sentiment" : "Incivility"),
                        overall.units(),
                        overall.accuracy(),
                        overall.cohenKappa(),
                        reviewed.units(),
                        reviewed.overturnRate()));
            });
            models.add(new AgreementSummary.ModelVersionAgreement(
                    version.name(), version.kind(), version.createdAt(), perKey));
        });
        return models;
    }

    private static List<String> categories(String key) {
        return switch (key) {
            case "sentiment" -> SENTIMENT_ORDER;
            case "incivility" -> INCIVILITY_ORDER;
            default -> STANCE_ORDER;
        };
    }

    /** The newest label of any kind and the newest model version: any new label can change the figures. */
    private String fingerprint(long codebookId) {
        Map<String, Object> row = new Sql()
                .append("SELECT (SELECT coalesce(max(id), 0) FROM label) AS label, "
                        + "(SELECT coalesce(max(id), 0) FROM model_version) AS model")
                .rows(dataSource)
                .get(0);
        return codebookId + "/" + row.get("label") + "/" + row.get("model");
    }
}
