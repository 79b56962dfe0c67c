package dev.counterpoint.dashboard;

import dev.counterpoint.corpus.HighlightedText;
import dev.counterpoint.labels.LabelView;
import java.time.LocalDate;
import java.util.List;

/** Everything the document page shows: the text, the labels on every item, and per-target framing. */
public record DocumentView(
        long id,
        String title,
        String byline,
        String sourceUrl,
        LocalDate publishedOn,
        String attribution,
        String codebookName,
        int codebookVersion,
        ItemView article,
        List<ItemView> paragraphs,
        List<ItemView> comments,
        CommentPage commentPage,
        List<TargetFraming> framing,
        long labelledItems,
        JobView job,
        boolean canClassify) {

    /** An item with its text cut into highlight runs and its current labels. */
    public record ItemView(
            long id,
            String kind,
            int position,
            boolean heading,
            String author,
            String postedAt,
            Integer replyTo,
            List<HighlightedText.Run> runs,
            List<LabelView> stances,
            LabelView sentiment,
            LabelView incivility) {

        public boolean labelled() {
            return sentiment != null || incivility != null || !stances.isEmpty();
        }
    }

    /**
     * One target: the author's stance (article as a whole, paragraphs) beside the readers', and the article's
     * sentences that decided its stance.
     */
    public record TargetFraming(
            String slug,
            String name,
            LabelView article,
            List<DecidingSentence> deciding,
            int paragraphsFavor,
            int paragraphsAgainst,
            int commentsFavor,
            int commentsAgainst,
            int commentsNone) {}

    /** A sentence of the article that decided its stance toward a target, and the paragraph it stands in. */
    public record DecidingSentence(String text, int paragraph) {}

    /** The latest classification or training job touching this document. */
    public record JobView(long id, String kind, String status, int done, int total, String model, String error) {
        public boolean open() {
            return "queued".equals(status) || "running".equals(status);
        }

        public int percent() {
            return total == 0 ? 100 : Math.round(100f * done / total);
        }
    }

    /** Which of the document's comments the page shows: positions {@code first..last} of {@code total}. */
    public record CommentPage(int page, int pages, long total, int first, int last) {

        public static final int SIZE = 200;

        /** The page asked for; one past the end is refused so a stale link says so instead of showing nothing. */
        public static CommentPage of(int page, long total) {
            int pages = (int) Math.max(1, (total + SIZE - 1) / SIZE);
            if (page < 1 || page > pages) {
                throw new jakarta.ws.rs.NotFoundException(
                        "This document's comments have pages 1 to " + pages + "; there is no page " + page + ".");
            }
            int first = (page - 1) * SIZE + 1;
            return new CommentPage(page, pages, total, first, (int) Math.min(total, (long) page * SIZE));
        }

        public boolean paged() {
            return pages > 1;
        }

        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages;
        }

        public int previous() {
            return page - 1;
        }

        public int next() {
            return page + 1;
        }

        /** A link to comment {@code position}, on this page or the page that holds it. */
        public String href(int position) {
            int holder = (position - 1) / SIZE + 1;
            return (holder == page ? "" : "?page=" + holder) + "#c" + position;
        }
    }

    public boolean hasLabels() {
        return labelledItems > 0;
    }
}
