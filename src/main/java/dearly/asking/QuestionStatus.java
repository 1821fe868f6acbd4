package dearly.asking;

/** Where a question stands, as the asker's status page will tell her. */
public enum QuestionStatus {
    RECEIVED,
    ASSIGNED,
    PUBLISHED,
    DECLINED,
    WITHDRAWN
}
