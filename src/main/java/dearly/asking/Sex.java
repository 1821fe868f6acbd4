package dearly.asking;

/** A child's sex as the asker gave it; a child whose sex she did not give has none (null). */
public enum Sex {
    GIRL,
    BOY
}
