package dev.counterpoint.dashboard;

import dev.counterpoint.classify.jobs.Job;
import dev.counterpoint.codebook.CodebookVersion;
import dev.counterpoint.codebook.Target;
import dev.counterpoint.corpus.Document;
import dev.counterpoint.corpus.HighlightedText;
import dev.counterpoint.corpus.Item;
import dev.counterpoint.corpus.ItemKind;
import dev.counterpoint.labels.CurrentLabels;
import dev.counterpoint.labels.LabelView;
import dev.counterpoint.labels.LabelVisibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the document page's view: items, their labels and evidence, framing per target, the running job. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DocumentViewBuilder {

    @Inject
    CurrentLabels currentLabels;

    @Inject
    LabelVisibility visibility;

    public DocumentView build(long documentId, int page, boolean canClassify, String person) {
        Document document = Document.<Document>findByIdOptional(documentId)
                .orElseThrow(() -> new NotFoundException("There is no document " + documentId + "."));
        CodebookVersion codebook = document.codebook.latestVersion();
        DocumentView.CommentPage commentPage = DocumentView.CommentPage.of(page, commentCount(document));
        List<Item> items = pageItems(document, commentPage);
        LabelVisibility.Masking masking = visibility.forPersonInDocument(person, documentId);
        Map<Long, List<LabelView>> labels =
                visible(currentLabels.forItems(items.stream().map(i -> i.id).toList()), masking, person);
        Map<Long, Integer> commentPositions = new HashMap<>();
        items.stream().filter(i -> i.parent != null).forEach(i -> commentPositions.put(i.parent.id, i.parent.position));

        DocumentView.ItemView article = null;
        List<DocumentView.ItemView> paragraphs = new ArrayList<>();
        List<DocumentView.ItemView> comments = new ArrayList<>();
        for (Item item : items) {
            DocumentView.ItemView view = view(item, labels.getOrDefault(item.id, List.of()), commentPositions);
            switch (item.kind) {
                case ARTICLE -> article = view;
                case PARAGRAPH -> paragraphs.add(view);
                case COMMENT -> comments.add(view);
            }
        }
        Map<String, int[]> commentStances =
                currentLabels.commentStanceCounts(documentId, masking.items().keySet());
        ArticleLayout layout = ArticleLayout.of(items);
        List<DocumentView.TargetFraming> framing = new ArrayList<>();
        for (Target target : codebook.targets) {
            framing.add(framing(target, article, paragraphs, commentStances, labels, layout));
        }
        return new DocumentView(
                document.id,
                document.title,
                document.byline,
                document.sourceUrl,
                document.publishedOn,
                document.attribution,
                document.codebook.name,
                codebook.version,
                article,
                paragraphs,
                comments,
                commentPage,
                framing,
                currentLabels.labelledItems(documentId),
                job(document),
                canClassify);
    }

    private static long commentCount(Document document) {
        return Item.count("document = ?1 and kind = ?2", document, ItemKind.COMMENT);
    }

    /**
     * The article, its paragraphs (bounded at import) and one page of comments: comment positions run 1..n, so a
     * page is a position range on the (document, kind, position) index and a huge document opens as fast as a small one.
     */
    private static List<Item> pageItems(Document document, DocumentView.CommentPage page) {
        List<Item> items = new ArrayList<>(
                Item.list("document = ?1 and kind <> ?2 order by kind, position", document, ItemKind.COMMENT));
        items.addAll(Item.list(
                "from Item i left join fetch i.parent where i.document = ?1 and i.kind = ?2 "
                        + "and i.position between ?3 and ?4 order by i.position",
                document,
                ItemKind.COMMENT,
                page.first(),
                page.last()));
        return items;
    }

    /** A double coder does not see others' labels on the items they still have to code. */
    private static Map<Long, List<LabelView>> visible(
            Map<Long, List<LabelView>> labels, LabelVisibility.Masking masking, String person) {
        if (masking.items().isEmpty()) {
            return labels;
        }
        Map<Long, List<LabelView>> shown = new HashMap<>();
        labels.forEach((item, list) -> shown.put(
                item,
                list.stream()
                        .filter(l -> masking.shows(item, l.source(), l.annotator(), person))
                        .toList()));
        return shown;
    }

    private static DocumentView.ItemView view(Item item, List<LabelView> labels, Map<Long, Integer> commentPositions) {
        List<LabelView> stances = labels.stream().filter(LabelView::takesStance).toList();
        LabelView sentiment = labels.stream()
                .filter(l -> "sentiment".equals(l.dimension()))
                .findFirst()
                .orElse(null);
        LabelView incivility = labels.stream()
                .filter(l -> "incivility".equals(l.dimension()))
                .findFirst()
                .orElse(null);
        List<int[]> evidence =
                stances.stream().flatMap(l -> l.sentences().stream()).toList();
        List<int[]> mentions =
                labels.stream().flatMap(l -> l.mentions().stream()).toList();
        return new DocumentView.ItemView(
                item.id,
                item.kind.code(),
                item.position,
                item.heading,
                item.authorHandle,
                item.postedAt == null ? null : item.postedAt.toString(),
                item.parent == null ? null : commentPositions.get(item.parent.id),
                HighlightedText.of(item.text, evidence, mentions),
                stances,
                sentiment,
                incivility);
    }

    private static DocumentView.TargetFraming framing(
            Target target,
            DocumentView.ItemView article,
            List<DocumentView.ItemView> paragraphs,
            Map<String, int[]> commentStances,
            Map<Long, List<LabelView>> labels,
            ArticleLayout layout) {
        LabelView articleStance = article == null ? null : stanceOf(labels.get(article.id()), target.slug);
        List<DocumentView.DecidingSentence> deciding = articleStance == null || !articleStance.takesStance()
                ? List.of()
                : articleStance.sentences().stream().map(layout::sentence).toList();
        int[] paragraphCounts = count(paragraphs, target.slug, labels);
        int[] commentCounts = commentStances.getOrDefault(target.slug, new int[3]);
        return new DocumentView.TargetFraming(
                target.slug,
                target.name,
                articleStance,
                deciding,
                paragraphCounts[0],
                paragraphCounts[1],
                commentCounts[0],
                commentCounts[1],
                commentCounts[2]);
    }

    /** favor, against, none among the items labelled for the target. */
    private static int[] count(List<DocumentView.ItemView> items, String target, Map<Long, List<LabelView>> labels) {
        int[] counts = new int[3];
        for (DocumentView.ItemView item : items) {
            LabelView stance = stanceOf(labels.get(item.id()), target);
            if (stance != null) {
                counts[
                        switch (stance.value()) {
                            case "favor" -> 0;
                            case "against" -> 1;
                            default -> 2;
                        }]++;
            }
        }
        return counts;
    }

    private static LabelView stanceOf(List<LabelView> labels, String target) {
        if (labels == null) {
            return null;
        }
        return labels.stream()
                .filter(l -> "stance".equals(l.dimension()) && target.equals(l.target()))
                .findFirst()
                .orElse(null);
    }

    private static DocumentView.JobView job(Document document) {
        return Job.latestForDocument(document)
                .map(j -> new DocumentView.JobView(
                        j.id,
                        j.kind,
                        j.status,
                        j.done,
                        j.total,
                        j.modelVersion == null ? null : j.modelVersion.name,
                        j.error))
                .orElse(null);
    }
}
