package dev.counterpoint.corpus;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.OffsetDateTime;
import java.util.List;

/** A piece of a document that gets labelled: the whole article, a paragraph, or a comment. */
@Entity
public class Item extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "document_id")
    public Document document;

    public ItemKind kind;

    /** Order within its kind: 0 for the article, then 1, 2, ... as the paragraphs and comments appear. */
    public int position;

    /** A paragraph that is a subheading. */
    public boolean heading;

    public String text;

    @Column(name = "author_handle")
    public String authorHandle;

    @Column(name = "posted_at")
    public OffsetDateTime postedAt;

    /** The comment this one replies to. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    public Item parent;

    /**
     * Counts the labels people have added to the item; adjudication refuses a decision made on an older count.
     * Only the database changes it (labels.PersonLabelWriter), so Hibernate never writes it.
     */
    @Column(name = "label_version", insertable = false, updatable = false)
    public int labelVersion;

    /** The source's id for the item, when it has one. */
    @Column(name = "external_id")
    public String externalId;

    public static List<Item> ofKind(Document document, ItemKind kind) {
        return list("document = ?1 and kind = ?2 order by position", document, kind);
    }

    public static long countOfKind(Document document, ItemKind kind) {
        return count("document = ?1 and kind = ?2", document, kind);
    }
}
