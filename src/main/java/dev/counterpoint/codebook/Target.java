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
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Something an author or reader can be for or against, such as "Russia" or "professional diplomacy". */
@Entity
public class Target extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "codebook_version_id")
    public CodebookVersion codebookVersion;

    public int position;

    public String slug;

    public String name;

    public String description;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> aliases = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "favor_examples")
    public List<String> favorExamples = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "against_examples")
    public List<String> againstExamples = new ArrayList<>();

    /** Targets on the other side: favouring one of them counts as evidence against this one. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> opponents = new ArrayList<>();
}
