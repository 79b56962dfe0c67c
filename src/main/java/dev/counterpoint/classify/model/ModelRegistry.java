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
 * Which model labels a codebook's documents (its latest trained version, else the shipped transfer model for the
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
        return trained != null ? trained : transfer(version);
    }

    /**
     * The shipped models applied to a codebook version, recorded once so its labels can name it; the name carries
     * a fingerprint of the shipped parameters, so a build with retrained ones makes a new version.
     */
    @Transactional
    public ModelVersion transfer(CodebookVersion version) {
        String encoder = encoders.encoderId();
        String name = "transfer:" + version.codebook.slug + "@v" + version.version + ":" + encoder + ":"
                + ShippedModels.fingerprint(encoder);
        entityManager
                .createNativeQuery("""
                INSERT INTO model_version (name, kind, codebook_version_id, encoder, created_by)
                VALUES (?1, 'transfer', ?2, ?3, 'counterpoint') ON CONFLICT (name) DO NOTHING
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
        long codebookId = model.codebookVersion.codebook.id;
        if ("zero-shot".equals(model.kind)) {
            return calibrationPool.calibrate(new ZeroShotClassifier(targets, encoder), codebookId);
        }
        TransferClassifier shipped = calibrationPool.calibrate(ShippedModels.classifier(targets, encoder), codebookId);
        if (!model.isTrained()) {
            return shipped;
        }
        return new TrainedClassifier(ModelBundle.fromBytes(model.artifact), targets, shipped, encoder);
    }

    /** The shipped models for a codebook's latest version, standardised over its corpus (training's prior). */
    public TransferClassifier shipped(Codebook codebook) {
        ModelVersion transfer = transfer(codebook.latestVersion());
        return (TransferClassifier) classifier(transfer);
    }
}
