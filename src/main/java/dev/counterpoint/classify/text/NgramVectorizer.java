package dev.counterpoint.classify.text;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * <p>
 * N-grams are identified by 64-bit hashes computed straight from the characters (no n-gram strings are built;
 * lowest bit 1 = char n-gram, 0 = word n-gram) and looked up in a primitive open-addressing table; ids are assigned
 * by decreasing document frequency so that frequent n-grams' weights are close together in memory.
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

    private static final int MAGIC = 0x4e475632; // "NGV2"
    private static final long FNV_OFFSET = 0xcbf29ce484222325L, FNV_PRIME = 0x100000001b3L;

    private final Config config;
    private final long[] keys; // id -> hash
    private final float[] idf; // id -> idf
    private final long[] table; // open addressing: hash, 0 = empty
    private final int[] tableIds;
    private final int mask;

    private NgramVectorizer(Config config, long[] keys, float[] idf) {
        this.config = config;
        this.keys = keys;
        this.idf = idf;
        int cap = Integer.highestOneBit(Math.max(4, keys.length * 2)) << 1;
        this.table = new long[cap];
        this.tableIds = new int[cap];
        this.mask = cap - 1;
        for (int id = 0; id < keys.length; id++) {
            int slot = (int) (mix(keys[id]) & mask);
            while (table[slot] != 0) slot = (slot + 1) & mask;
            table[slot] = keys[id];
            tableIds[slot] = id;
        }
    }

    public Config config() {
        return config;
    }

    /** Number of features (dimension of the output space). */
    public int size() {
        return idf.length;
    }

    public static NgramVectorizer fit(List<String> texts, Config config) {
        Map<Long, int[]> df = new HashMap<>();
        for (String t : texts) {
            long[] g = gramKeys(TextNormalizer.tokens(t), config);
            Arrays.sort(g);
            for (int i = 0; i < g.length; i++) {
                if (i > 0 && g[i] == g[i - 1]) continue;
                df.computeIfAbsent(g[i], k -> new int[1])[0]++;
            }
        }
        long[] kept = df.entrySet().stream()
                .filter(e -> e.getValue()[0] >= config.minDf())
                .sorted((a, b) -> a.getValue()[0] != b.getValue()[0]
                        ? Integer.compare(b.getValue()[0], a.getValue()[0])
                        : Long.compare(a.getKey(), b.getKey()))
                .mapToLong(Map.Entry::getKey)
                .toArray();
        float[] idf = new float[kept.length];
        int n = texts.size();
        for (int i = 0; i < kept.length; i++) idf[i] = (float) (Math.log((1.0 + n) / (1.0 + df.get(kept[i])[0])) + 1.0);
        return new NgramVectorizer(config, kept, idf);
    }

    /** TF-IDF vector with strictly increasing indices (as liblinear training needs). */
    public SparseVector transform(String text) {
        SparseVector v = transformKeys(gramKeys(text));
        long[] packed = new long[v.nnz()];
        for (int i = 0; i < packed.length; i++) {
            packed[i] = ((long) v.indices()[i] << 32) | (Float.floatToRawIntBits(v.values()[i]) & 0xffffffffL);
        }
        Arrays.sort(packed);
        int[] idx = new int[packed.length];
        float[] val = new float[packed.length];
        for (int i = 0; i < packed.length; i++) {
            idx[i] = (int) (packed[i] >>> 32);
            val[i] = Float.intBitsToFloat((int) packed[i]);
        }
        return new SparseVector(idx, val);
    }

    /**
     * The n-gram hashes of a text under this vectoriser's config, sorted (equal n-grams adjacent).
     * Shareable between vectorisers of equal config.
     */
    public long[] gramKeys(String text) {
        long[] g = gramKeys(TextNormalizer.tokens(text), config);
        Arrays.sort(g);
        return g;
    }

    /** TF-IDF vector of sorted {@link #gramKeys(String)}; indices are unique but NOT in increasing order. */
    public SparseVector transformKeys(long[] sortedGrams) {
        int n = sortedGrams.length;
        int[] idx = new int[n];
        float[] val = new float[n];
        int k = 0;
        double wn = 0, cn = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && sortedGrams[j] == sortedGrams[i]) j++;
            int id = lookup(sortedGrams[i]);
            if (id >= 0) {
                int tf = j - i;
                float v = (float) ((config.sublinearTf() ? 1 + Math.log(tf) : tf) * idf[id]);
                idx[k] = id;
                val[k++] = v;
                if (isChar(sortedGrams[i])) cn += v * v;
                else wn += v * v;
            }
            i = j;
        }
        if (k == 0) return SparseVector.EMPTY;
        float ws = wn > 0 ? (float) (1 / Math.sqrt(wn)) : 0f;
        float cs = cn > 0 ? (float) (config.charWeight() / Math.sqrt(cn)) : 0f;
        for (int i = 0; i < k; i++) val[i] *= isChar(keys[idx[i]]) ? cs : ws;
        return new SparseVector(Arrays.copyOf(idx, k), Arrays.copyOf(val, k));
    }

    private int lookup(long h) {
        int slot = (int) (mix(h) & mask);
        while (true) {
            long k = table[slot];
            if (k == h) return tableIds[slot];
            if (k == 0) return -1;
            slot = (slot + 1) & mask;
        }
    }

    private static boolean isChar(long h) {
        return (h & 1L) == 1L;
    }

    static long[] gramKeys(List<String> tokens, Config c) {
        int nt = tokens.size();
        long[] th = new long[nt];
        int est = 0;
        for (int i = 0; i < nt; i++) {
            String t = tokens.get(i);
            long h = FNV_OFFSET;
            for (int j = 0; j < t.length(); j++) h = (h ^ t.charAt(j)) * FNV_PRIME;
            th[i] = h;
            if (c.chars()) est += (t.length() + 2) * (c.charMaxN() - c.charMinN() + 1);
        }
        if (c.words()) est += nt * (c.wordMaxN() - Math.max(1, c.wordMinN()) + 1);
        long[] out = new long[Math.max(est, 1)];
        int m = 0;
        if (c.words()) {
            for (int n = Math.max(1, c.wordMinN()); n <= c.wordMaxN(); n++) {
                for (int i = 0; i + n <= nt; i++) {
                    long h = FNV_OFFSET ^ (0x77L * n);
                    for (int j = i; j < i + n; j++) h = (h ^ th[j]) * FNV_PRIME;
                    out[m++] = nonZero(mix(h) & ~1L);
                }
            }
        }
        if (c.chars()) {
            for (String t : tokens) {
                int len = t.length() + 2;
                for (int i = 0; i < len; i++) {
                    long h = FNV_OFFSET ^ 0x63L;
                    for (int n = 1; n <= c.charMaxN() && i + n <= len; n++) {
                        int p = i + n - 1;
                        char ch = p == 0 || p == len - 1 ? ' ' : t.charAt(p - 1);
                        h = (h ^ ch) * FNV_PRIME;
                        if (n >= c.charMinN()) {
                            if (m == out.length) out = Arrays.copyOf(out, out.length * 2);
                            out[m++] = mix(h ^ n) | 1L;
                        }
                    }
                }
            }
        }
        return Arrays.copyOf(out, m);
    }

    private static long nonZero(long h) {
        return h == 0 ? 2 : h;
    }

    /** splitmix64 finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
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
                out.writeInt(idf.length);
                for (int i = 0; i < idf.length; i++) {
                    out.writeLong(keys[i]);
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
            if (in.readInt() != MAGIC) throw new IOException("not an NgramVectorizer (v2)");
            Config c = new Config(
                    in.readInt(),
                    in.readInt(),
                    in.readInt(),
                    in.readInt(),
                    in.readInt(),
                    in.readBoolean(),
                    in.readFloat());
            int n = in.readInt();
            long[] keys = new long[n];
            float[] idf = new float[n];
            for (int i = 0; i < n; i++) {
                keys[i] = in.readLong();
                idf[i] = in.readFloat();
            }
            return new NgramVectorizer(c, keys, idf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
