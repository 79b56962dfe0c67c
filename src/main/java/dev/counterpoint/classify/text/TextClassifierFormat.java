package dev.counterpoint.classify.text;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The stored form of a {@link TextClassifier}: labels, offsets, settings, vectoriser and each member's model. */
final class TextClassifierFormat {

    private static final int MAGIC = 0x54434c31; // "TCL1"

    private TextClassifierFormat() {}

    static byte[] write(TextClassifier classifier) {
        String[] labels = classifier.labels();
        double[] bias = classifier.bias();
        TextClassifier.Config config = classifier.config();
        NgramVectorizer vectorizer = classifier.vectorizer();
        LinearModel[] models = classifier.models();
        int denseDim = classifier.denseDimension();
        try {
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bos);
            out.writeInt(MAGIC);
            out.writeInt(labels.length);
            for (String l : labels) out.writeUTF(l);
            for (double b : bias) out.writeDouble(b);
            out.writeDouble(config.denseScale());
            out.writeDouble(config.extraScale());
            out.writeUTF(
                    config.biasObjective() == null ? "" : config.biasObjective().name());
            out.writeInt(config.biasFolds());
            out.writeInt(denseDim);
            writeBlob(out, vectorizer == null ? null : vectorizer.toBytes());
            out.writeInt(models.length);
            for (int m = 0; m < models.length; m++) {
                TextClassifier.Member mem = config.members().get(m);
                LinearModel.Params p = mem.params();
                out.writeUTF(mem.view().name());
                out.writeUTF(p.solver().name());
                out.writeDouble(p.c());
                out.writeBoolean(p.balanced());
                out.writeDouble(p.eps());
                out.writeDouble(mem.weight());
                writeBlob(out, models[m].toBytes());
            }
            out.flush();
            return bos.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TextClassifier read(byte[] bytes) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            if (in.readInt() != MAGIC) throw new IOException("not a TextClassifier");
            String[] labels = new String[in.readInt()];
            for (int i = 0; i < labels.length; i++) labels[i] = in.readUTF();
            double[] bias = new double[labels.length];
            for (int i = 0; i < bias.length; i++) bias[i] = in.readDouble();
            double denseScale = in.readDouble(), extraScale = in.readDouble();
            String obj = in.readUTF();
            int biasFolds = in.readInt();
            int denseDim = in.readInt();
            byte[] vb = readBlob(in);
            NgramVectorizer vec = vb == null ? null : NgramVectorizer.fromBytes(vb);
            int n = in.readInt();
            List<TextClassifier.Member> members = new ArrayList<>();
            LinearModel[] models = new LinearModel[n];
            for (int m = 0; m < n; m++) {
                TextClassifier.View view = TextClassifier.View.valueOf(in.readUTF());
                var solver = de.bwaldvogel.liblinear.SolverType.valueOf(in.readUTF());
                LinearModel.Params p =
                        new LinearModel.Params(solver, in.readDouble(), in.readBoolean(), in.readDouble());
                members.add(new TextClassifier.Member(view, p, in.readDouble()));
                models[m] = LinearModel.fromBytes(readBlob(in));
            }
            TextClassifier.Config cfg = new TextClassifier.Config(
                    vec == null ? null : vec.config(),
                    members,
                    denseScale,
                    extraScale,
                    obj.isEmpty() ? null : Objective.valueOf(obj),
                    biasFolds);
            return TextClassifier.of(labels, cfg, vec, denseDim, models, bias);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeBlob(DataOutputStream out, byte[] b) throws IOException {
        if (b == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(b.length);
        out.write(b);
    }

    private static byte[] readBlob(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) return null;
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }
}
