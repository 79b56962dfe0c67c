package dev.counterpoint.classify.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.counterpoint.classify.text.EncoderSpec;
import dev.counterpoint.classify.text.OnnxTextEncoder;
import dev.counterpoint.classify.text.TextEncoder;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

// A Quarkus test although it needs no bean: the tokenizer's native library may be loaded once per JVM, and the other
// tests load it in Quarkus's class loader.
@io.quarkus.test.junit.QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ShippedModelsPerEncoderTest {

    private static final TargetSpec ENVOYS = new TargetSpec(
            "business-envoys",
            "Business envoys",
            "Sending business people instead of diplomats to negotiate peace.",
            List.of("envoy", "envoys", "dealmakers"),
            List.of("Dealmakers get things done where diplomats fail.", "Business envoys are a breath of fresh air."),
            List.of("Real estate developers are no substitute for diplomats.", "The envoys are amateurs."),
            List.of());

    @Test
    void each_encoder_reads_models_learnt_on_its_own_vectors() {
        String bge = EncoderSpec.bgeSmallEnV15Q().id();
        String minilm = EncoderSpec.allMiniLmL6V2Q().id();
        assertEquals("classify/", ShippedModels.folder(bge));
        assertEquals("classify/all-minilm-l6-v2-q/", ShippedModels.folder(minilm));
        // Both encoders make 384-dimensional vectors, so only the fingerprint tells their models apart.
        assertNotEquals(ShippedModels.fingerprint(bge), ShippedModels.fingerprint(minilm));
    }

    @Test
    void minilm_with_its_shipped_models_labels_sentiment_and_incivility_as_the_texts_read() {
        try (TextEncoder encoder = new OnnxTextEncoder(EncoderSpec.allMiniLmL6V2Q())) {
            List<String> texts = List.of(
                    "What a wonderful, hopeful day: the talks went well and I am delighted.",
                    "You are a stupid idiot and your envoys are morons, shut up.",
                    "The envoys met in Geneva on Tuesday.");
            float[][] vectors = encoder.encode(texts);
            assertEquals(384, vectors[0].length);
            List<ItemLabels> labels = ShippedModels.classifier(List.of(ENVOYS), encoder)
                    .calibrate(texts, vectors)
                    .classify(texts, vectors);
            assertEquals("positive", labels.get(0).sentiment().value());
            assertEquals("uncivil", labels.get(1).incivility().value());
            assertEquals("civil", labels.get(2).incivility().value());
            assertEquals(1, labels.get(2).stances().size());
        }
    }
}
