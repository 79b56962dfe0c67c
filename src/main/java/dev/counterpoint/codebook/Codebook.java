package dev.counterpoint.codebook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Optional;

/** A named set of targets that documents are labelled against; its content lives in its versions. */
@Entity
public class Codebook extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String slug;

    public String name;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    public static Optional<Codebook> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public CodebookVersion latestVersion() {
        return CodebookVersion.latestOf(this);
    }
}
