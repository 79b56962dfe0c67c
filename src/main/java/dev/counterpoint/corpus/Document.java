package dev.counterpoint.corpus;

import dev.counterpoint.codebook.Codebook;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** An article and the reader comments under it, as imported from one source. */
@Entity
public class Document extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The source's own key (an import file's document id, or the sample's name): importing it again is a no-op. */
    @Column(name = "external_key")
    public String externalKey;

    public String title;

    @Column(name = "source_url")
    public String sourceUrl;

    public String byline;

    @Column(name = "published_on")
    public LocalDate publishedOn;

    /** The licence or republication line that must travel with the text. */
    public String attribution;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "codebook_id")
    public Codebook codebook;

    @Column(name = "paragraph_count")
    public int paragraphCount;

    @Column(name = "comment_count")
    public int commentCount;

    @Column(name = "imported_at", insertable = false, updatable = false)
    public Instant importedAt;

    public static Optional<Document> findByExternalKey(String externalKey) {
        return find("externalKey", externalKey).firstResultOptional();
    }

    public List<Item> items() {
        return Item.list("document = ?1 order by kind, position", this);
    }
}
