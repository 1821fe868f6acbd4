package dearly.asking;

/** Children born together. Siblings of one birth share a birth date (or an age) and are named together. */
public enum Multiple {
    TWINS,
    TRIPLETS
}
