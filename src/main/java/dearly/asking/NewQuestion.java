package dearly.asking;

/** A question that passed every check, ready to store. */
public record NewQuestion(Asker asker, String title, String body) {}
