package dev.counterpoint.classify.text;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a BERT-style ONNX sentence encoder directly with ONNX Runtime and a HuggingFace tokenizer.
 * <ul>
 *   <li>Texts are tokenised without truncation; a text longer than the model window is split into
 *       consecutive chunks of at most {@code maxTokens - 2} word pieces, each wrapped in [CLS] … [SEP].</li>
 *   <li>All chunks of a call are sorted by length and run in batches (padding only to the batch maximum).</li>
 *   <li>Each chunk is pooled (CLS or masked mean) and L2-normalised; a text's vector is the token-count-weighted
 *       mean of its chunk vectors, L2-normalised again.</li>
 * </ul>
 * Not thread-safe: use one instance per worker thread, or synchronise.
 */
public final class OnnxTextEncoder implements TextEncoder {

    /** Runtime knobs. */
    public record Options(
            int intraOpThreads, int batchSize, int maxBatchTokens, OrtSession.SessionOptions.OptLevel optLevel) {
        public static Options defaults() {
            return new Options(2, 32, 16_384, OrtSession.SessionOptions.OptLevel.ALL_OPT);
        }

        public Options withBatchSize(int b) {
            return new Options(intraOpThreads, b, maxBatchTokens, optLevel);
        }

        public Options withThreads(int t) {
            return new Options(t, batchSize, maxBatchTokens, optLevel);
        }

        public Options withOptLevel(OrtSession.SessionOptions.OptLevel o) {
            return new Options(intraOpThreads, batchSize, maxBatchTokens, o);
        }
    }

    private final EncoderSpec spec;
    private final Options options;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean needsTokenTypes;
    private final long clsId;
    private final long sepId;
    private final long padId;
    private final int dimension;

    public OnnxTextEncoder(EncoderSpec spec) {
        this(spec, Options.defaults());
    }

    public OnnxTextEncoder(EncoderSpec spec, Options options) {
        this.spec = spec;
        this.options = options;
        try {
            this.env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions so = new OrtSession.SessionOptions();
            so.setIntraOpNumThreads(options.intraOpThreads());
            so.setInterOpNumThreads(1);
            so.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            so.setOptimizationLevel(options.optLevel());
            this.session = env.createSession(readResource(spec.onnxResource()), so);
            this.needsTokenTypes = session.getInputNames().contains("token_type_ids");
            Map<String, String> tokOpts = new HashMap<>();
            tokOpts.put("addSpecialTokens", "false");
            tokOpts.put("truncation", "false");
            tokOpts.put("padding", "false");
            tokOpts.put("modelMaxLength", String.valueOf(Integer.MAX_VALUE));
            try (InputStream in = resource(spec.tokenizerResource())) {
                this.tokenizer = HuggingFaceTokenizer.newInstance(in, tokOpts);
            }
            long[] special = tokenizer.encode("", true, false).getIds();
            if (special.length != 2) {
                throw new IllegalStateException("expected [CLS] [SEP] for empty text, got " + Arrays.toString(special));
            }
            this.clsId = special[0];
            this.sepId = special[1];
            this.padId = 0L;
            NodeInfo out = session.getOutputInfo().values().iterator().next();
            long[] shape = ((ai.onnxruntime.TensorInfo) out.getInfo()).getShape();
            this.dimension = (int) shape[shape.length - 1];
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load ONNX model " + spec.onnxResource(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String id() {
        return spec.id();
    }

    @Override
    public int dimension() {
        return dimension;
    }

    public EncoderSpec spec() {
        return spec;
    }

    public Options options() {
        return options;
    }

    /** Word-piece ids of a text without special tokens (after the spec's prefix). */
    public long[] tokenIds(String text) {
        return tokenizer
                .encode(spec.textPrefix() + (text == null ? "" : text), false, false)
                .getIds();
    }

    /** Number of model windows a text needs. */
    public int chunkCount(String text) {
        int n = tokenIds(text).length;
        int window = spec.maxTokens() - 2;
        return Math.max(1, (n + window - 1) / window);
    }

    private record Chunk(int text, long[] ids) {}

    @Override
    public float[][] encode(List<String> texts) {
        int window = spec.maxTokens() - 2;
        List<Chunk> chunks = new ArrayList<>(texts.size());
        List<String> prefixed = new ArrayList<>(texts.size());
        for (String t : texts) prefixed.add(spec.textPrefix() + (t == null ? "" : t));
        Encoding[] encs = tokenizer.batchEncode(prefixed, false, false);
        for (int i = 0; i < encs.length; i++) {
            long[] ids = encs[i].getIds();
            if (ids.length == 0) {
                chunks.add(new Chunk(i, wrap(ids, 0, 0)));
                continue;
            }
            for (int s = 0; s < ids.length; s += window) {
                chunks.add(new Chunk(i, wrap(ids, s, Math.min(ids.length, s + window))));
            }
        }
        chunks.sort(Comparator.comparingInt(c -> c.ids().length));

        float[][] sums = new float[texts.size()][dimension];
        int start = 0;
        while (start < chunks.size()) {
            int end = start;
            int maxLen = 0;
            while (end < chunks.size() && end - start < options.batchSize()) {
                int len = Math.max(maxLen, chunks.get(end).ids().length);
                if (end > start && (long) len * (end - start + 1) > options.maxBatchTokens()) break;
                maxLen = len;
                end++;
            }
            float[][] pooled = runBatch(chunks.subList(start, end), maxLen);
            for (int k = start; k < end; k++) {
                Chunk c = chunks.get(k);
                float w = c.ids().length;
                float[] v = pooled[k - start];
                float[] acc = sums[c.text()];
                for (int d = 0; d < dimension; d++) acc[d] += w * v[d];
            }
            start = end;
        }
        for (float[] v : sums) normalise(v);
        return sums;
    }

    private long[] wrap(long[] ids, int from, int to) {
        long[] out = new long[to - from + 2];
        out[0] = clsId;
        System.arraycopy(ids, from, out, 1, to - from);
        out[out.length - 1] = sepId;
        return out;
    }

    private float[][] runBatch(List<Chunk> batch, int maxLen) {
        int b = batch.size();
        long[] ids = new long[b * maxLen];
        long[] mask = new long[b * maxLen];
        Arrays.fill(ids, padId);
        for (int i = 0; i < b; i++) {
            long[] c = batch.get(i).ids();
            System.arraycopy(c, 0, ids, i * maxLen, c.length);
            Arrays.fill(mask, i * maxLen, i * maxLen + c.length, 1L);
        }
        long[] shape = {b, maxLen};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
            if (needsTokenTypes) {
                inputs.put(
                        "token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(new long[b * maxLen]), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                OnnxTensor hidden = (OnnxTensor) result.get(0);
                FloatBuffer fb = hidden.getFloatBuffer();
                float[][] pooled = new float[b][dimension];
                for (int i = 0; i < b; i++) {
                    int base = i * maxLen * dimension;
                    if (spec.pooling() == EncoderSpec.Pooling.CLS) {
                        fb.position(base);
                        fb.get(pooled[i], 0, dimension);
                    } else {
                        int len = batch.get(i).ids().length;
                        float[] p = pooled[i];
                        for (int t = 0; t < len; t++) {
                            int off = base + t * dimension;
                            for (int d = 0; d < dimension; d++) p[d] += fb.get(off + d);
                        }
                        for (int d = 0; d < dimension; d++) p[d] /= len;
                    }
                    normalise(pooled[i]);
                }
                return pooled;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX inference failed", e);
        } finally {
            for (OnnxTensor t : inputs.values()) t.close();
        }
    }

    static void normalise(float[] v) {
        double s = 0;
        for (float x : v) s += (double) x * x;
        if (s == 0) return;
        float inv = (float) (1.0 / Math.sqrt(s));
        for (int i = 0; i < v.length; i++) v[i] *= inv;
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = OnnxTextEncoder.class.getClassLoader().getResourceAsStream(name);
        if (in == null)
            throw new IOException("classpath resource not found: " + name
                    + " (the Maven artifact that ships this encoder is not in the build; see README, Configuration)");
        return in;
    }

    private static byte[] readResource(String name) throws IOException {
        try (InputStream in = resource(name)) {
            return in.readAllBytes();
        }
    }

    private boolean closed;

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
        tokenizer.close();
    }
}
