package dev.counterpoint.classify.model;

import dev.counterpoint.classify.EncoderProvider;
import dev.counterpoint.classify.text.TextEncoder;
import dev.counterpoint.codebook.Codebook;
import dev.counterpoint.codebook.CodebookVersion;
import dev.counterpoint.labels.ModelVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which model labels a codebook's documents (its latest trained version, else the zero-shot rule for the
 * codebook's latest version), and the loaded classifiers, kept for reuse.
 */
@ApplicationScoped
public class ModelRegistry {

    private static final int LOADED_MODELS = 6;

    @Inject
    EncoderProvider encoders;

    @Inject
    EntityManager entityManager;

    @Inject
    CalibrationPool calibrationPool;

    private final Map<Long, ItemClassifier> loaded = Collections.synchronizedMap(new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, ItemClassifier> eldest) {
            return size() > LOADED_MODELS;
        }
    });

    @Transactional
    public ModelVersion current(Codebook codebook) {
        CodebookVersion version = codebook.latestVersion();
        ModelVersion trained = ModelVersion.latestTrained(version);
        return trained != null ? trained : zeroShot(version);
    }

    /** The zero-shot model of a codebook version, recorded once so its labels can name it. */
    @Transactional
    public ModelVersion zeroShot(CodebookVersion version) {
        String encoder = encoders.encoderId();
        String name = "zero-shot:" + version.codebook.slug + "@v" + version.version + ":" + encoder;
        entityManager
                .createNativeQuery("""
                INSERT INTO model_version (name, kind, codebook_version_id, encoder, created_by)
                VALUES (?1, 'zero-shot', ?2, ?3, 'counterpoint') ON CONFLICT (name) DO NOTHING
                """)
                .setParameter(1, name)
                .setParameter(2, version.id)
                .setParameter(3, encoder)
                .executeUpdate();
        return ModelVersion.findByName(name).orElseThrow();
    }

    @Transactional
    public ItemClassifier classifier(ModelVersion model) {
        ItemClassifier classifier = loaded.get(model.id);
        if (classifier == null) {
            ModelVersion managed = ModelVersion.findById(model.id);
            classifier = build(managed);
            loaded.put(model.id, classifier);
        }
        return classifier;
    }

    private ItemClassifier build(ModelVersion model) {
        List<TargetSpec> targets =
                model.codebookVersion.targets.stream().map(TargetSpec::of).toList();
        TextEncoder encoder = encoders.encoder();
        if (model.encoder != null && !model.encoder.equals(encoder.id())) {
            throw new IllegalStateException(
                    "model " + model.name + " reads vectors of " + model.encoder + " but this app runs " + encoder.id()
                            + "; set COUNTERPOINT_CLASSIFIER_ENCODER to match or train again");
        }
        ZeroShotClassifier zeroShot =
                calibrationPool.calibrate(new ZeroShotClassifier(targets, encoder), model.codebookVersion.codebook.id);
        if (!model.isTrained()) {
            return zeroShot;
        }
        return new TrainedClassifier(ModelBundle.fromBytes(model.artifact), targets, zeroShot, encoder);
    }
}
