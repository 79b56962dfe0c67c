package dev.counterpoint.classify.jobs;

import dev.counterpoint.codebook.Codebook;
import dev.counterpoint.corpus.Document;
import dev.counterpoint.labels.ModelVersion;
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
import java.util.Optional;

/**
 * Background work stored in PostgreSQL: classifying a document or a whole codebook's corpus, or training a
 * model. Its items sit in {@code job_item}; any app instance on the database may work on it.
 */
@Entity
public class Job extends PanacheEntityBase {

    public static final String CLASSIFY = "classify";
    public static final String TRAIN = "train";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String kind;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "codebook_id")
    public Codebook codebook;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "model_version_id")
    public ModelVersion modelVersion;

    /** Null when the job covers every document of the codebook. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "document_id")
    public Document document;

    /** queued, running, done, failed or cancelled. */
    public String status = "queued";

    public int total;

    public int done;

    @Column(name = "requested_by")
    public String requestedBy;

    public String error;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    public boolean isOpen() {
        return "queued".equals(status) || "running".equals(status);
    }

    public static Optional<Job> latestForDocument(Document document) {
        return find("document = ?1 order by createdAt desc, id desc", document).firstResultOptional();
    }

    public static List<Job> open() {
        return list("status in ('queued', 'running') order by createdAt, id");
    }

    public static List<Job> recent(int limit) {
        return find("order by createdAt desc, id desc").page(0, limit).list();
    }
}
