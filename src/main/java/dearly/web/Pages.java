package dearly.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/** Renders the precompiled JTE templates under src/main/jte into responses. */
public final class Pages {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    public String render(String template, Map<String, Object> parameters) {
        StringOutput output = new StringOutput();
        engine.render(template, parameters, output);
        return output.toString();
    }

    /** Renders for a request: the header learns who of the staff is signed in. */
    public void render(Context ctx, String template, Map<String, Object> parameters) {
        Map<String, Object> withSession = parameters;
        if (parameters.get("meta") instanceof PageMeta meta) {
            withSession = new HashMap<>(parameters);
            withSession.put("meta", meta.withStaff(SignedIn.of(ctx)));
        }
        send(ctx, render(template, withSession));
    }

    /** Sends a rendered page, naming its charset: the meta tag alone comes too late for some proxies. */
    public static void send(Context ctx, String html) {
        ctx.contentType("text/html; charset=utf-8").result(html);
    }
}
