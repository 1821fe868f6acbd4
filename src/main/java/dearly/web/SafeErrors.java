package dearly.web;

/**
 * How Dearly describes a failure in logs and on admin pages: exception types and code locations,
 * never messages, which can carry SQL parameters, typed text or e-mail addresses.
 */
public final class SafeErrors {
    private static final int MAX_CAUSES = 8;

    private SafeErrors() {}

    /** One line: the exception's type and its causes', "a.B < c.D". */
    public static String names(Throwable error) {
        StringBuilder line = new StringBuilder(error.getClass().getName());
        int depth = 0;
        for (Throwable cause = error.getCause(); cause != null && cause != error && depth < MAX_CAUSES;
                cause = cause.getCause(), depth++) {
            line.append(" < ").append(cause.getClass().getName());
        }
        return line.toString();
    }

    /** A stack trace without messages, causes included. */
    public static String trace(Throwable error) {
        StringBuilder trace = new StringBuilder();
        int depth = 0;
        for (Throwable cause = error; cause != null && depth <= MAX_CAUSES; cause = cause.getCause(), depth++) {
            trace.append(cause == error ? "" : "caused by: ").append(cause.getClass().getName()).append('\n');
            for (StackTraceElement frame : cause.getStackTrace()) trace.append("    at ").append(frame).append('\n');
            if (cause.getCause() == cause) break;
        }
        return trace.toString();
    }
}
