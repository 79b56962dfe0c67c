package dev.counterpoint.labels;

import dev.counterpoint.corpus.Document;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * The label that counts for an item, dimension and target: adjudicated over human over model, newest first.
 * A database trigger keeps this table in step with {@link Label}; the application only reads it.
 */
@Entity
@Immutable
@Table(name = "current_label")
public class CurrentLabel extends PanacheEntityBase {

    @Id
    @Column(name = "label_id")
    public Long labelId;

    @Column(name = "item_id")
    public Long itemId;

    public Dimension dimension;

    public String target;

    public String value;

    public Float score;

    public Float confidence;

    public LabelSource source;

    @Column(name = "source_rank")
    public short sourceRank;

    @Column(name = "model_version_id")
    public Long modelVersionId;

    @Column(name = "created_at")
    public Instant createdAt;

    public static long countForDocument(Document document) {
        return count("itemId in (select i.id from Item i where i.document = ?1)", document);
    }
}
