package dev.counterpoint.corpus;

import dev.counterpoint.codebook.CodebookVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.LocalDate;
import java.util.List;

/** Read models of documents for pages and the API. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DocumentCatalog {

    public record Summary(
            long id, String title, String byline, LocalDate publishedOn, long paragraphs, long comments) {}

    public record Page(List<Summary> documents, int page, int pageSize, long total) {
        public int pages() {
            return (int) Math.max(1, (total + pageSize - 1) / pageSize);
        }

        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages();
        }
    }

    public record ParagraphView(long id, int position, boolean heading, String text) {}

    public record CommentView(
            long id, int position, String externalId, String author, String postedAt, Integer replyTo, String text) {}

    public record TargetView(String slug, String name, String description) {}

    public record DocumentView(
            long id,
            String title,
            String byline,
            String sourceUrl,
            LocalDate publishedOn,
            String attribution,
            String codebookSlug,
            String codebookName,
            int codebookVersion,
            long codebookVersionId,
            List<TargetView> targets,
            List<ParagraphView> paragraphs,
            List<CommentView> comments,
            long labels) {}

    private static final String SUMMARIES = """
            SELECT d.id, d.title, d.byline, d.published_on,
                   count(i.id) FILTER (WHERE i.kind = 'paragraph' AND NOT i.heading) AS paragraphs,
                   count(i.id) FILTER (WHERE i.kind = 'comment') AS comments
            FROM (SELECT * FROM document ORDER BY imported_at DESC, id DESC LIMIT :limit OFFSET :offset) d
            LEFT JOIN item i ON i.document_id = d.id
            GROUP BY d.id, d.title, d.byline, d.published_on, d.imported_at
            ORDER BY d.imported_at DESC, d.id DESC
            """;

    @Inject
    EntityManager entityManager;

    public Page page(int page, int pageSize) {
        int safePage = Math.max(1, page);
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager
                .createNativeQuery(SUMMARIES, Tuple.class)
                .setParameter("limit", pageSize)
                .setParameter("offset", (safePage - 1) * pageSize)
                .getResultList();
        List<Summary> summaries = rows.stream()
                .map(r -> new Summary(
                        ((Number) r.get("id")).longValue(),
                        r.get("title", String.class),
                        r.get("byline", String.class),
                        r.get("published_on", LocalDate.class),
                        ((Number) r.get("paragraphs")).longValue(),
                        ((Number) r.get("comments")).longValue()))
                .toList();
        return new Page(summaries, safePage, pageSize, Document.count());
    }

    /** The codebook version a document is labelled against: its codebook's latest version. */
    public record CodebookRef(long versionId, String slug, int version) {}

    public CodebookRef codebookOf(long id) {
        CodebookVersion version = find(id).codebook.latestVersion();
        return new CodebookRef(version.id, version.codebook.slug, version.version);
    }

    public DocumentView view(long id) {
        Document document = find(id);
        CodebookVersion codebook = document.codebook.latestVersion();
        List<ParagraphView> paragraphs = Item.ofKind(document, ItemKind.PARAGRAPH).stream()
                .map(p -> new ParagraphView(p.id, p.position, p.heading, p.text))
                .toList();
        List<CommentView> comments = Item.ofKind(document, ItemKind.COMMENT).stream()
                .map(c -> new CommentView(
                        c.id,
                        c.position,
                        c.externalId,
                        c.authorHandle,
                        c.postedAt == null ? null : c.postedAt.toString(),
                        c.parent == null ? null : c.parent.position,
                        c.text))
                .toList();
        List<TargetView> targets = codebook.targets.stream()
                .map(t -> new TargetView(t.slug, t.name, t.description))
                .toList();
        return new DocumentView(
                document.id,
                document.title,
                document.byline,
                document.sourceUrl,
                document.publishedOn,
                document.attribution,
                document.codebook.slug,
                document.codebook.name,
                codebook.version,
                codebook.id,
                targets,
                paragraphs,
                comments,
                labelCount(document));
    }

    /** Labels are a later layer than documents; their count is read from their table, not their class. */
    private static long labelCount(Document document) {
        return ((Number) Document.getEntityManager()
                        .createNativeQuery(
                                "SELECT count(*) FROM current_label c JOIN item i ON i.id = c.item_id WHERE i.document_id = ?1")
                        .setParameter(1, document.id)
                        .getSingleResult())
                .longValue();
    }

    private static Document find(long id) {
        return Document.<Document>findByIdOptional(id)
                .orElseThrow(() -> new NotFoundException("There is no document " + id + "."));
    }
}
