package dev.counterpoint.classify.text;

import java.util.List;
import java.util.Locale;

/**
 * A confusion matrix over fixed labels with the scores the benchmarks use: per-label precision, recall and F1,
 * macro averages, and the SemEval-2016 stance score F_avg = mean(F1 favor, F1 against).
 */
public final class Confusion {

    private final List<String> labels;
    private final int[][] counts; // [gold][predicted]

    public Confusion(List<String> labels) {
        this.labels =
                labels.stream().map(l -> l.toLowerCase(java.util.Locale.ROOT)).toList();
        this.counts = new int[labels.size()][labels.size()];
    }

    public void add(String gold, String predicted) {
        int g = index(gold);
        int p = index(predicted);
        if (g < 0 || p < 0) {
            throw new IllegalArgumentException("label outside " + labels + ": " + gold + " / " + predicted);
        }
        counts[g][p]++;
    }

    /** Adds another matrix over the same labels (pooling targets, as SemEval does). */
    public void addAll(Confusion other) {
        for (int g = 0; g < counts.length; g++) {
            for (int p = 0; p < counts.length; p++) {
                counts[g][p] += other.counts[g][p];
            }
        }
    }

    public int total() {
        int total = 0;
        for (int[] row : counts) {
            for (int n : row) {
                total += n;
            }
        }
        return total;
    }

    public int count(String gold, String predicted) {
        return counts[index(gold)][index(predicted)];
    }

    public double precision(String label) {
        int c = index(label);
        int predicted = 0;
        for (int[] row : counts) {
            predicted += row[c];
        }
        return predicted == 0 ? 0 : (double) counts[c][c] / predicted;
    }

    public double recall(String label) {
        int c = index(label);
        int gold = 0;
        for (int n : counts[c]) {
            gold += n;
        }
        return gold == 0 ? 0 : (double) counts[c][c] / gold;
    }

    public double f1(String label) {
        double p = precision(label);
        double r = recall(label);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    private int index(String label) {
        return label == null ? -1 : labels.indexOf(label.toLowerCase(java.util.Locale.ROOT));
    }

    public double macroF1() {
        return labels.stream().mapToDouble(this::f1).average().orElse(0);
    }

    public double accuracy() {
        int correct = 0;
        for (int c = 0; c < counts.length; c++) {
            correct += counts[c][c];
        }
        int total = total();
        return total == 0 ? 0 : (double) correct / total;
    }

    public double macroRecall() {
        return labels.stream().mapToDouble(this::recall).average().orElse(0);
    }

    /** SemEval-2016 Task 6: none counts only through the precision and recall of favor and against. */
    public double fAvg() {
        return (f1("favor") + f1("against")) / 2;
    }

    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "  %-10s %7s %7s %7s %7s%n", "label", "P", "R", "F1", "gold"));
        for (String label : labels) {
            int gold = 0;
            for (int n : counts[index(label)]) {
                gold += n;
            }
            out.append(String.format(
                    Locale.ROOT,
                    "  %-10s %7.1f %7.1f %7.1f %7d%n",
                    label,
                    100 * precision(label),
                    100 * recall(label),
                    100 * f1(label),
                    gold));
        }
        out.append("  confusion (rows: gold, columns: predicted)\n");
        out.append(String.format(Locale.ROOT, "  %-10s", ""));
        labels.forEach(l -> out.append(String.format(Locale.ROOT, " %9s", l)));
        out.append('\n');
        for (String gold : labels) {
            out.append(String.format(Locale.ROOT, "  %-10s", gold));
            for (String predicted : labels) {
                out.append(String.format(Locale.ROOT, " %9d", count(gold, predicted)));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
