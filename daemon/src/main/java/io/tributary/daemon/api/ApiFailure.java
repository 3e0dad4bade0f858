package io.tributary.daemon.api;

import java.util.Map;

/** An answer other than success that is not a domain exception: 401 (no usable key) and 403 (a method not allowed). */
final class ApiFailure extends RuntimeException {
    private final int status;
    private final Map<String, Object> details;

    ApiFailure(int status, String message, Map<String, Object> details) {
        super(message);
        this.status = status;
        this.details = Map.copyOf(details);
    }

    static ApiFailure unauthorized(String message) {
        return new ApiFailure(401, message, Map.of());
    }

    static ApiFailure forbidden(String method) {
        return new ApiFailure(403, "This API key may not call " + method + ".", Map.of("method", method));
    }

    static ApiFailure forbiddenAllStores(String what) {
        return new ApiFailure(403, what + " needs a key with access to all stores.", Map.of());
    }

    int status() {
        return status;
    }

    Map<String, Object> details() {
        return details;
    }
}
