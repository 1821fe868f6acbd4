package dearly.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dearly.language.Messages;
import dearly.web.ApiRoutes;
import dearly.web.Feature;
import dearly.web.HtmlResponse;
import dearly.web.LanguageChoice;
import dearly.web.Open;
import dearly.web.PageMetas;
import dearly.web.RateLimits;
import gg.jte.generated.precompiled.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The API's reference: one OpenAPI 3.1 document, served as it is at /api/v1/openapi.json and read
 * by people at /api. The document is written by hand and checked against the running code by
 * ApiContractTest (real requests and answers against its schemas, every field read or written
 * named in it and the reverse, its limits against the code's), so it cannot drift unnoticed.
 */
public final class ApiReference implements Feature {
    static final String DOCUMENT = "/dearly/reference/openapi.json";

    private final byte[] document;
    private final ApiReferenceView view;
    private final Templates templates;
    private final PageMetas metas;

    public ApiReference(Templates templates, PageMetas metas) {
        this.templates = templates;
        this.metas = metas;
        this.document = load();
        try {
            this.view = ApiReferenceView.of(new ObjectMapper().readTree(document));
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled OpenAPI document is not JSON", e);
        }
    }

    @Override
    public void routes(RoutesConfig routes, RateLimits rateLimits) {
        new ApiRoutes(routes, rateLimits).get("/api/v1/openapi.json", ctx -> ctx.contentType("application/json").result(document));
        routes.get("/api", this::page, Open.TO_ANYONE);
    }

    private void page(Context ctx) {
        Messages t = Messages.of(LanguageChoice.of(ctx));
        HtmlResponse.send(ctx, templates.referenceApi(
                metas.of(ctx, t, t.get("reference.title"), t.get("reference.description"), "/api", "website"), view));
    }

    /** The document as bundled, parsed: for the tests that hold the code to it. */
    public static JsonNode tree() {
        try {
            return new ObjectMapper().readTree(load());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] load() {
        try (InputStream in = ApiReference.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) throw new IllegalStateException(DOCUMENT + " is missing from the build");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
