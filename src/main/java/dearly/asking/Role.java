package dearly.asking;

/** How the asker names herself as a parent; the byline says "Mama to", "Papa to" or "Parent to". */
public enum Role {
    MAMA,
    PAPA,
    PARENT
}
