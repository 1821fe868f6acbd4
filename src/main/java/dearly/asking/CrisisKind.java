package dearly.asking;

/** The kinds of danger a question can show; each makes it urgent and shows her the crisis resources. */
public enum CrisisKind {
    SUICIDE_OR_SELF_HARM,
    HARMING_THE_BABY,
    VIOLENCE_AT_HOME,
    PSYCHOSIS,
    SEVERE_DEPRESSION
}
