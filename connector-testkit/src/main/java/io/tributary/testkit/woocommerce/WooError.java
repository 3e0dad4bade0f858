package io.tributary.testkit.woocommerce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.testkit.http.FakeResponse;
import java.util.function.Consumer;

/** A WP_Error as the REST server sends it: {@code {"code","message","data":{"status"}}}. */
record WooError(int status, String code, String message, Consumer<ObjectNode> extraData) {

    WooError(int status, String code, String message) {
        this(status, code, message, data -> { });
    }

    static WooError noRoute() {
        return new WooError(404, "rest_no_route", "No route was found matching the URL and request method.");
    }

    static WooError authentication(String message) {
        return new WooError(401, "woocommerce_rest_authentication_error", message);
    }

    /** The permission-callback failure: 401 for an anonymous request, 403 for a logged-in user who lacks the right. */
    static WooError cannotView(boolean loggedIn, boolean single) {
        return new WooError(loggedIn ? 403 : 401, "woocommerce_rest_cannot_view",
                single ? "Sorry, you cannot view this resource." : "Sorry, you cannot list resources.");
    }

    static WooError invalidId(String postType) {
        return new WooError(404, "woocommerce_rest_" + postType + "_invalid_id", "Invalid ID.");
    }

    FakeResponse response() {
        ObjectNode json = WooJson.NODES.objectNode();
        json.put("code", code);
        json.put("message", message);
        ObjectNode data = json.putObject("data");
        data.put("status", status);
        extraData.accept(data);
        return FakeResponse.json(status, WooJson.bytes(json));
    }
}
