package io.tributary.daemon.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The OpenAPI 3 document of the admin API, made from the table of routes the server registered. */
final class OpenApiDocument {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    private OpenApiDocument() {}

    static ObjectNode build(List<ApiRoutes.Route> routes) {
        ObjectNode document = JSON.createObjectNode();
        document.put("openapi", "3.0.3");
        ObjectNode info = document.putObject("info");
        info.put("title", "Tributary admin API");
        info.put("version", "1");
        info.put("description", "Every operation of the tributary command. Send an API key as 'Authorization: "
                + "Bearer <token>', 'X-Api-Key: <token>' or HTTP Basic (key id, token). Errors are {\"error\": "
                + "sentence} (400 adds \"problems\": [{field, message}], 403 adds \"method\", 409 adds \"runId\"). "
                + "A record of a store outside the key's stores answers 404 and is left out of lists.");
        ObjectNode components = document.putObject("components");
        ObjectNode schemes = components.putObject("securitySchemes");
        schemes.putObject("bearer").put("type", "http").put("scheme", "bearer");
        schemes.putObject("apiKey").put("type", "apiKey").put("in", "header").put("name", "X-Api-Key");
        schemes.putObject("basic").put("type", "http").put("scheme", "basic");
        ObjectNode error = components.putObject("schemas").putObject("Error");
        error.put("type", "object");
        error.putArray("required").add("error");
        ObjectNode errorProperties = error.putObject("properties");
        errorProperties.putObject("error").put("type", "string");
        errorProperties.putObject("method").put("type", "string");
        errorProperties.putObject("runId").put("type", "integer");
        ObjectNode problem = errorProperties.putObject("problems").put("type", "array").putObject("items");
        problem.put("type", "object");
        problem.putObject("properties").set("field", JSON.createObjectNode().put("type", "string"));
        ((ObjectNode) problem.get("properties")).putObject("message").put("type", "string");

        ObjectNode paths = document.putObject("paths");
        for (ApiRoutes.Route route : routes) {
            ObjectNode path = paths.has(route.path()) ? (ObjectNode) paths.get(route.path())
                    : paths.putObject(route.path());
            path.set(route.verb().name().toLowerCase(Locale.ROOT), operation(route));
        }
        return document;
    }

    private static ObjectNode operation(ApiRoutes.Route route) {
        ObjectNode operation = JSON.createObjectNode();
        operation.put("summary", route.summary());
        operation.put("operationId", route.verb().name().toLowerCase(Locale.ROOT)
                + route.path().replace(ApiRoutes.BASE, "").replaceAll("[^A-Za-z0-9]+", "_"));
        ArrayNode security = operation.putArray("security");
        if (route.method() != null) {
            operation.put("x-tributary-method", route.method());
            security.addObject().putArray("bearer");
            security.addObject().putArray("apiKey");
            security.addObject().putArray("basic");
        }
        ArrayNode parameters = operation.putArray("parameters");
        Matcher matcher = PATH_PARAMETER.matcher(route.path());
        while (matcher.find()) {
            ObjectNode parameter = parameters.addObject();
            parameter.put("name", matcher.group(1)).put("in", "path").put("required", true);
            parameter.putObject("schema").put("type", "string");
        }
        for (String name : route.query()) {
            ObjectNode parameter = parameters.addObject();
            parameter.put("name", name).put("in", "query").put("required", false);
            parameter.putObject("schema").put("type", "string");
        }
        if (!route.bodyFields().isEmpty()) {
            ObjectNode schema = operation.putObject("requestBody").put("required", true).putObject("content")
                    .putObject("application/json").putObject("schema");
            schema.put("type", "object");
            ObjectNode properties = schema.putObject("properties");
            route.bodyFields().forEach(properties::putObject);
        }
        ObjectNode responses = operation.putObject("responses");
        responses.putObject(Integer.toString(route.success())).put("description", "Success.").putObject("content")
                .putObject("application/json").putObject("schema");
        if (route.method() != null) {
            for (int status : new int[] {400, 401, 403, 404}) {
                responses.putObject(Integer.toString(status)).put("description", switch (status) {
                    case 400 -> "Bad input: every invalid field named.";
                    case 401 -> "Missing, unknown or revoked key.";
                    case 403 -> "The key may not call " + route.method() + ".";
                    default -> "No such record, or one of a store outside the key's stores.";
                }).putObject("content").putObject("application/json").putObject("schema")
                        .put("$ref", "#/components/schemas/Error");
            }
        }
        if (route.success() == 202) {
            responses.putObject("409").put("description", "That connection and entity are being synced already "
                    + "(the answer names the run).").putObject("content").putObject("application/json")
                    .putObject("schema").put("$ref", "#/components/schemas/Error");
        }
        return operation;
    }
}
