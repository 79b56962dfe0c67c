package dev.counterpoint.classify;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Word n-gram + character n-gram TF-IDF features over {@link TextNormalizer#tokens}.
 * Character n-grams are taken inside each token padded with spaces (like scikit-learn's "char_wb").
 * TF is sublinear (1 + ln tf) if configured, IDF is smoothed (ln((1+N)/(1+df)) + 1), and the word block and the
 * char block are each L2-normalised, then the char block is scaled by {@code charWeight}.
 * Immutable after {@link #fit}; thread-safe. Serialisable with {@link #toBytes()} / {@link #fromBytes(byte[])}.
 */
public final class NgramVectorizer {

    public record Config(
            int wordMinN, int wordMaxN, int charMinN, int charMaxN, int minDf, boolean sublinearTf, float charWeight) {
        /** Word 1-2 grams + char 2-5 grams, min df 2, sublinear tf, equal block weights. */
        public static Config defaults() {
            return new Config(1, 2, 2, 5, 2, true, 1f);
        }

        public boolean words() {
            return wordMaxN > 0;
        }

        public boolean chars() {
            return charMaxN > 0;
        }
    }

    private static final int MAGIC = 0x4e475631; // "NGV1"

    private final Config config;
    private final Map<String, Integer> vocab;
    private final float[] idf;
    private final boolean[] isChar;

    private NgramVectorizer(Config config, Map<String, Integer> vocab, float[] idf) {
        this.config = config;
        this.vocab = vocab;
        this.idf = idf;
        this.isChar = new boolean[idf.length];
        vocab.forEach((k, v) -> isChar[v] = k.charAt(0) == 'c');
    }

    public Config config() {
        return config;
    }

    /** Number of features (dimension of the output space). */
    public int size() {
        return idf.length;
    }

    public static NgramVectorizer fit(List<String> texts, Config config) {
        Map<String, int[]> df = new HashMap<>();
        for (String t : texts) {
            List<String> grams = grams(TextNormalizer.tokens(t), config);
            grams.sort(null);
            String prev = null;
            for (String g : grams) {
                if (g.equals(prev)) continue;
                prev = g;
                df.computeIfAbsent(g, k -> new int[1])[0]++;
            }
        }
        List<String> kept = new ArrayList<>();
        df.forEach((g, c) -> {
            if (c[0] >= config.minDf()) kept.add(g);
        });
        kept.sort(null);
        Map<String, Integer> vocab = new HashMap<>(kept.size() * 2);
        float[] idf = new float[kept.size()];
        int n = texts.size();
        for (int i = 0; i < kept.size(); i++) {
            vocab.put(kept.get(i), i);
            idf[i] = (float) (Math.log((1.0 + n) / (1.0 + df.get(kept.get(i))[0])) + 1.0);
        }
        return new NgramVectorizer(config, vocab, idf);
    }

    public SparseVector transform(String text) {
        return transformGrams(grams(text));
    }

    /** The n-gram keys of a text under this vectoriser's config (shareable between vectorisers of equal config). */
    public List<String> grams(String text) {
        return grams(TextNormalizer.tokens(text), config);
    }

    /** TF-IDF vector of precomputed {@link #grams(String)}. */
    public SparseVector transformGrams(List<String> grams) {
        int[] ids = new int[grams.size()];
        int m = 0;
        for (String g : grams) {
            Integer id = vocab.get(g);
            if (id != null) ids[m++] = id;
        }
        if (m == 0) return SparseVector.EMPTY;
        Arrays.sort(ids, 0, m);
        int[] idx = new int[m];
        float[] val = new float[m];
        int k = 0;
        for (int i = 0; i < m; ) {
            int j = i;
            while (j < m && ids[j] == ids[i]) j++;
            int tf = j - i;
            idx[k] = ids[i];
            val[k] = (float) ((config.sublinearTf() ? 1 + Math.log(tf) : tf) * idf[ids[i]]);
            k++;
            i = j;
        }
        double wn = 0, cn = 0;
        for (int i = 0; i < k; i++) {
            if (isChar[idx[i]]) cn += val[i] * val[i];
            else wn += val[i] * val[i];
        }
        float ws = wn > 0 ? (float) (1 / Math.sqrt(wn)) : 0f;
        float cs = cn > 0 ? (float) (config.charWeight() / Math.sqrt(cn)) : 0f;
        for (int i = 0; i < k; i++) val[i] *= isChar[idx[i]] ? cs : ws;
        return new SparseVector(Arrays.copyOf(idx, k), Arrays.copyOf(val, k));
    }

    static List<String> grams(List<String> tokens, Config c) {
        List<String> out = new ArrayList<>(tokens.size() * 8);
        if (c.words()) {
            for (int n = Math.max(1, c.wordMinN()); n <= c.wordMaxN(); n++) {
                for (int i = 0; i + n <= tokens.size(); i++) {
                    StringBuilder sb = new StringBuilder("w");
                    for (int j = i; j < i + n; j++) sb.append(' ').append(tokens.get(j));
                    out.add(sb.toString());
                }
            }
        }
        if (c.chars()) {
            for (String t : tokens) {
                String p = " " + t + " ";
                for (int n = c.charMinN(); n <= c.charMaxN(); n++) {
                    for (int i = 0; i + n <= p.length(); i++) out.add("c" + p.substring(i, i + n));
                }
            }
        }
        return out;
    }

    public byte[] toBytes() {
        try {
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bos))) {
                out.writeInt(MAGIC);
                out.writeInt(config.wordMinN());
                out.writeInt(config.wordMaxN());
                out.writeInt(config.charMinN());
                out.writeInt(config.charMaxN());
                out.writeInt(config.minDf());
                out.writeBoolean(config.sublinearTf());
                out.writeFloat(config.charWeight());
                String[] byId = new String[idf.length];
                vocab.forEach((k, v) -> byId[v] = k);
                out.writeInt(idf.length);
                for (int i = 0; i < idf.length; i++) {
                    out.writeUTF(byId[i]);
                    out.writeFloat(idf[i]);
                }
            }
            return bos.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static NgramVectorizer fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(bytes)))) {
            if (in.readInt() != MAGIC) throw new IOException("not an NgramVectorizer");
            Config c = new Config(
                    in.readInt(),
                    in.readInt(),
                    in.readInt(),
                    in.readInt(),
                    in.readInt(),
                    in.readBoolean(),
                    in.readFloat());
            int n = in.readInt();
            Map<String, Integer> vocab = new HashMap<>(n * 2);
            float[] idf = new float[n];
            for (int i = 0; i < n; i++) {
                vocab.put(in.readUTF(), i);
                idf[i] = in.readFloat();
            }
            return new NgramVectorizer(c, vocab, idf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
