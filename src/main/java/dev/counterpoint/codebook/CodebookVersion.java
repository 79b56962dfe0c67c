package dev.counterpoint.codebook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One version of a codebook's content. A changed codebook file becomes a new version; old ones stay. */
@Entity
@Table(name = "codebook_version")
public class CodebookVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "codebook_id")
    public Codebook codebook;

    public int version;

    public String description;

    @Column(name = "content_sha256")
    public String contentSha256;

    /** Where the content was loaded from: a bundled resource, a file path or an upload. */
    public String source;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    @OneToMany(mappedBy = "codebookVersion")
    @OrderBy("position")
    public List<Target> targets = new ArrayList<>();

    public static CodebookVersion latestOf(Codebook codebook) {
        return find("codebook = ?1 order by version desc", codebook).firstResult();
    }
}
