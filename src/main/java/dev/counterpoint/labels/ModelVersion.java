package dev.counterpoint.labels;

import dev.counterpoint.codebook.CodebookVersion;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A classifier that produced labels: zero-shot from a codebook version, or trained on people's labels. */
@Entity
@Table(name = "model_version")
public class ModelVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    /** "zero-shot" or "trained". */
    public String kind;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "codebook_version_id")
    public CodebookVersion codebookVersion;

    /** The sentence encoder whose vectors the model reads. */
    public String encoder;

    /** The trained parameters; null for a zero-shot model, which is rebuilt from its codebook version. */
    @Basic(fetch = FetchType.LAZY)
    public byte[] artifact;

    /** How many people's labels it learnt from, per target and dimension (JSON). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "training_labels")
    public String trainingLabels;

    /** Cross-validated scores per target and dimension, measured when it was trained (JSON). */
    @JdbcTypeCode(SqlTypes.JSON)
    public String metrics;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    public boolean isTrained() {
        return "trained".equals(kind);
    }

    public static ModelVersion latestTrained(CodebookVersion version) {
        return find("codebookVersion = ?1 and kind = 'trained' order by createdAt desc, id desc", version)
                .firstResult();
    }

    public static java.util.Optional<ModelVersion> findByName(String name) {
        return find("name", name).firstResultOptional();
    }
}
