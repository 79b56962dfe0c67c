package dev.counterpoint.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SampleCorpusTest {

    private final DocumentImport sample = SampleCorpus.load();

    @Test
    void the_article_has_its_24_paragraphs_without_the_page_breaks() {
        assertEquals(24, sample.paragraphs().size());
        assertTrue(sample.paragraphs().stream().noneMatch(p -> p.text().isBlank()));
        assertTrue(sample.paragraphs().get(0).text().startsWith("Recent reports about the role of Donald Trump"));
        assertTrue(sample.paragraphs().get(23).text().startsWith("Businesspeople can contribute"));
    }

    @Test
    void only_dangerous_tendencies_is_a_heading() {
        List<DocumentImport.Paragraph> headings = sample.paragraphs().stream()
                .filter(DocumentImport.Paragraph::heading)
                .toList();
        assertEquals(1, headings.size());
        assertEquals("Dangerous tendencies", headings.get(0).text());
    }

    @Test
    void the_seven_comments_are_kept_exactly_in_page_order() {
        assertEquals(7, sample.comments().size());
        assertEquals(
                "America doesn’t have diplomats anymore, only ppl who want more wars.",
                sample.comments().get(0).text());
        assertTrue(sample.comments().get(6).text().startsWith("Who is revealing details of negotiations to media?"));
        assertEquals("c1", sample.comments().get(0).id());
    }

    @Test
    void byline_and_attribution_travel_with_the_text() {
        assertEquals(
                "Alexandros Koutsoukis is lecturer in international relations, University of Lancashire",
                sample.byline());
        assertTrue(sample.attribution().contains("republished from The Conversation under a Creative Commons license"));
        assertTrue(sample.attribution().contains("BY-ND 4.0"));
    }
}
