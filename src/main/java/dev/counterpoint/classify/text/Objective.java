package dev.counterpoint.classify.text;

/** What to maximise when tuning decision biases. */
public enum Objective {
    MACRO_F1,
    MACRO_RECALL,
    ACCURACY,
    /** SemEval stance F_avg: mean F1 of FAVOR and AGAINST (labels must contain both). */
    F_AVG;

    public double of(Confusion m) {
        return switch (this) {
            case MACRO_F1 -> m.macroF1();
            case MACRO_RECALL -> m.macroRecall();
            case ACCURACY -> m.accuracy();
            case F_AVG -> m.fAvg();
        };
    }
}
