package dearly.asking;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dearly.crisis.CrisisDirectory;
import dearly.language.Language;
import dearly.language.Messages;
import dearly.web.ApiRoutes;
import dearly.web.Feature;
import dearly.web.LanguageChoice;
import dearly.web.Links;
import dearly.web.RateLimits;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** The asking API: POST /api/v1/questions with the form's rules, and her status as JSON. */
public final class QuestionApi implements Feature {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String RETRY_HEADER = "Idempotency-Key";

    private final Asking asking;
    private final CrisisDirectory crisisDirectory;
    private final Links links;
    private final Supplier<Instant> clock;

    public QuestionApi(Asking asking, CrisisDirectory crisisDirectory, Links links, Supplier<Instant> clock) {
        this.asking = asking;
        this.crisisDirectory = crisisDirectory;
        this.links = links;
        this.clock = clock;
    }

    record ResourceJson(String name, String phone, String url, String kind, String country) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ReceiptJson(
            String status,
            @JsonProperty("status_url") String statusUrl,
            @JsonProperty("status_api_url") String statusApiUrl,
            @JsonProperty("crisis_resources") List<ResourceJson> crisisResources,
            @JsonProperty("crisis_message") String crisisMessage) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StatusJson(
            String status,
            String title,
            @JsonProperty("received_at") String receivedAt,
            @JsonProperty("letter_url") String letterUrl,
            @JsonProperty("decline_reply") String declineReply,
            @JsonProperty("crisis_resources") List<ResourceJson> crisisResources,
            @JsonProperty("crisis_message") String crisisMessage) {}

    @Override
    public void routes(RoutesConfig routes, RateLimits rateLimits) {
        ApiRoutes api = new ApiRoutes(routes, rateLimits);
        api.post("/api/v1/questions", this::ask);
        api.get("/api/v1/status/{token}", this::status);
    }

    private void ask(Context ctx) {
        // Only JSON: a cross-site form can post text/plain, but not application/json without CORS.
        String type = String.valueOf(ctx.contentType()).toLowerCase(java.util.Locale.ROOT);
        if (!type.equals("application/json") && !type.startsWith("application/json;")) {
            Messages t = Messages.of(LanguageChoice.of(ctx));
            ctx.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).json(Map.of("error", t.get("api.error.not-json")));
            return;
        }
        JsonNode body;
        try {
            body = JSON.readTree(ctx.bodyAsBytes());
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            Messages t = Messages.of(LanguageChoice.of(ctx));
            ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", t.get("api.error.not-object")));
            return;
        }
        AskForm form = form(body);
        Messages t = Messages.of(Language.fromCode(form.language()).orElseGet(() -> LanguageChoice.of(ctx)));
        AskValidation.Result result = AskValidation.validate(form, LocalDate.ofInstant(clock.get(), ZoneOffset.UTC));
        Map<String, String> errors = new LinkedHashMap<>(result.errors());
        String retryKey = ctx.header(RETRY_HEADER);
        if (RetryKey.tooLong(retryKey)) errors.put(RETRY_HEADER, "api.error.retry-key.long");
        if (!errors.isEmpty()) {
            refuse(ctx, t, errors);
            return;
        }
        NewQuestion asked = result.question().orElseThrow();
        switch (asking.ask(asked, RetryKey.of(retryKey), path -> links.absolute(ctx, path))) {
            case Asking.Receipt receipt -> {
                boolean urgent = receipt.urgent();
                Language language = asked.asker().language();
                ctx.status(HttpStatus.CREATED).json(new ReceiptJson("received",
                        links.absolute(ctx, language.address(StatusLink.path(receipt.token()))),
                        links.absolute(ctx, "/api/v1/status/" + receipt.token()),
                        urgent ? resources(asked.asker().country(), receipt.crisisKinds()) : null,
                        urgent ? crisisDirectory.fallback(language) : null));
            }
            // 422, as the IETF Idempotency-Key draft asks for a key reused with another body (409 is
            // for a retry racing its original, which Dearly answers with the one stored question).
            case Asking.RetryKeyTaken taken -> refuse(ctx, t, Map.of(RETRY_HEADER, "api.error.retry-key.taken"));
        }
    }

    /**
     * 422 with {"errors": {field: message}}. The API's messages name what the field accepts (values,
     * lengths, formats) for the programmer reading them: each form key ask.error.X has its twin
     * api.error.X, given the field and its limits.
     */
    private static void refuse(Context ctx, Messages t, Map<String, String> errorKeys) {
        Map<String, String> errors = new LinkedHashMap<>();
        errorKeys.forEach((field, key) ->
                errors.put(field, t.format(key.replaceFirst("^ask\\.error\\.", "api.error."), AskValidation.limits(field))));
        ctx.status(HttpStatus.UNPROCESSABLE_CONTENT).json(Map.of("errors", errors));
    }

    private void status(Context ctx) {
        StoredQuestion stored = asking.find(ctx.pathParam("token")).orElseThrow(NotFoundResponse::new);
        ctx.header("Cache-Control", "no-store");
        boolean urgent = stored.urgent();
        ctx.json(new StatusJson(
                stored.question().status().name().toLowerCase(java.util.Locale.ROOT),
                stored.question().title(),
                stored.question().receivedAt().toString(),
                stored.letterSlug().map(slug -> links.absolute(ctx, "/letters/" + slug)).orElse(null),
                stored.declineReply().orElse(null),
                urgent ? resources(stored.asker().country(), stored.crisisKinds()) : null,
                urgent ? crisisDirectory.fallback(stored.asker().language()) : null));
    }

    /** The help for her country and the dangers found; {@code country} names hers, whichever list a resource is in. */
    private List<ResourceJson> resources(String country, Set<String> kinds) {
        return crisisDirectory.forCountryAndKinds(country, CrisisHelp.services(kinds)).stream()
                .map(resource -> new ResourceJson(resource.name(), resource.phone(), resource.url(), resource.kind().code(), country))
                .toList();
    }

    /** The JSON fields, mapped onto the same form the web page fills, so both obey one set of rules. */
    static AskForm form(JsonNode body) {
        List<AskForm.ChildForm> children = new ArrayList<>();
        JsonNode list = body.path("children");
        if (list.isArray()) {
            // One past the limit is enough for validation to refuse the list; the rest is never read.
            for (JsonNode child : list) {
                if (children.size() > AskForm.MAX_CHILDREN) break;
                children.add(new AskForm.ChildForm(text(child, "name"), text(child, "birth_date"), text(child, "age_months"),
                        text(child, "sex"), text(child, "multiple")));
            }
        }
        JsonNode consent = body.path("consent");
        return new AskForm(text(body, "title"), text(body, "body"), text(body, "first_name"), text(body, "surname"),
                text(body, "age"), text(body, "city"), text(body, "country"), text(body, "role"), text(body, "pseudonym"),
                text(body, "language"), text(body, "email"), consent.isBoolean() && consent.booleanValue(), children);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : "";
    }
}
