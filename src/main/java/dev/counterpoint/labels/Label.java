package dev.counterpoint.labels;

import dev.counterpoint.corpus.Item;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One judgement about an item: its stance toward a target, its sentiment or its incivility, with who made it
 * and how sure they were. Labels are never changed; a correction is a newer label, so history stays whole.
 */
@Entity
@Immutable
public class Label extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "item_id")
    public Item item;

    public Dimension dimension;

    /** The codebook target's slug for stance labels; null for sentiment and incivility. */
    public String target;

    public String value;

    /** Sentiment polarity in [-1, 1], or the probability that the item is uncivil. */
    public Float score;

    public Float confidence;

    public LabelSource source;

    /** The user name of the person, or the model version's name. */
    public String annotator;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "model_version_id")
    public ModelVersion modelVersion;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> evidence;

    public String note;

    /** For a person's label, the item's label version it made (see item.label_version); null for the model's. */
    @Column(name = "item_version")
    public Integer itemVersion;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    /** Every label of an item, oldest first. */
    public static List<Label> historyOf(long itemId) {
        return list("item.id = ?1 order by createdAt, id", itemId);
    }

    /** People's labels on an item that came after the version someone saw. */
    public static List<Label> peopleSince(long itemId, int seenVersion) {
        return list("item.id = ?1 and itemVersion > ?2 order by createdAt, id", itemId, seenVersion);
    }
}
