package io.tributary.testkit.magento;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.testkit.http.FakeResponse;

/**
 * An error as Magento's Webapi error processor renders it: {@code {"message": "...", "parameters": ...}} with
 * placeholders left in the message for the client to fill — {@code %1}, {@code %2} from a list of parameters,
 * {@code %name} from an object. Thrown by the fake's request handling and turned into the answer.
 */
final class MagentoError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    static final String SIGN_IN_FAILED = "The account sign-in was incorrect or your account is disabled temporarily. "
            + "Please wait and try again later.";
    static final String NOT_AUTHORIZED = "The consumer isn't authorized to access %resources.";

    private final int status;
    private final transient JsonNode parameters;

    MagentoError(int status, String message, JsonNode parameters) {
        super(message);
        this.status = status;
        this.parameters = parameters;
    }

    MagentoError(int status, String message) {
        this(status, message, null);
    }

    static MagentoError noRoute() {
        return new MagentoError(404, "Request does not match any route.");
    }

    static MagentoError notAuthorized(String resource) {
        return new MagentoError(401, NOT_AUTHORIZED, named("resources", resource));
    }

    static MagentoError requiredField(String name) {
        return new MagentoError(400, "%fieldName is a required field.", named("fieldName", name));
    }

    static MagentoError requiredInput(String name) {
        return new MagentoError(400, "\"%fieldName\" is required. Enter and try again.", named("fieldName", name));
    }

    static MagentoError wrongType(String value, String type) {
        ObjectNode parameters = MagentoJson.NODES.objectNode().put("value", value).put("type", type);
        return new MagentoError(400, "The \"%value\" value's type is invalid. The \"%type\" type was expected. "
                + "Verify and try again.", parameters);
    }

    static MagentoError positional(int status, String message, String... values) {
        ArrayNode parameters = MagentoJson.NODES.arrayNode();
        for (String value : values) {
            parameters.add(value);
        }
        return new MagentoError(status, message, parameters);
    }

    static ObjectNode named(String name, String value) {
        return MagentoJson.NODES.objectNode().put(name, value);
    }

    int status() {
        return status;
    }

    FakeResponse response() {
        ObjectNode json = MagentoJson.NODES.objectNode();
        json.put("message", getMessage());
        if (parameters != null) {
            json.set("parameters", parameters);
        }
        return FakeResponse.json(status, MagentoJson.bytes(json));
    }
}
