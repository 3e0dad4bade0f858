package io.tributary.daemon.api;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.javalin.security.BasicAuthCredentials;
import io.tributary.apikey.AccessType;
import io.tributary.apikey.ApiCaller;
import io.tributary.apikey.ApiKeyService;
import io.tributary.connection.ConnectionService;
import io.tributary.connection.ConnectionView;
import io.tributary.store.NotFoundException;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling and what they may see. The key comes as {@code Authorization: Bearer <token>}, {@code X-Api-Key:
 * <token>} or HTTP Basic (the key's id as user name, the token as password); a missing, unknown or revoked key is
 * 401. A method the key lacks is 403 naming the method. A record of a store outside the key's stores behaves as if
 * it did not exist: 404 with the same sentence as for an unknown id, and absent from lists.
 */
final class ApiAccess {
    private static final String CALLER = "tributary.caller";
    private final ApiKeyService keys;
    private final ConnectionService connections;

    ApiAccess(ApiKeyService keys, ConnectionService connections) {
        this.keys = requireNonNull(keys, "keys is null");
        this.connections = requireNonNull(connections, "connections is null");
    }

    /** The before-handler of every {@code /api/v1} request but the OpenAPI document. */
    void authenticate(Context ctx) {
        ctx.attribute(CALLER, identify(ctx).orElseThrow(() -> ApiFailure.unauthorized(
                "A valid API key is required: send it as 'Authorization: Bearer <token>' or 'X-Api-Key: <token>'.")));
    }

    private Optional<ApiCaller> identify(Context ctx) {
        String apiKey = ctx.header("X-Api-Key");
        if (apiKey != null) {
            return keys.authenticate(apiKey.trim());
        }
        String authorization = ctx.header("Authorization");
        if (authorization == null) {
            return Optional.empty();
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return keys.authenticate(authorization.substring(7).trim());
        }
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            BasicAuthCredentials basic;
            try {
                basic = ctx.basicAuthCredentials();
            } catch (RuntimeException malformed) {
                return Optional.empty();
            }
            if (basic == null || !basic.getUsername().matches("[0-9]{1,18}")) {
                return Optional.empty();
            }
            return keys.authenticate(Long.parseLong(basic.getUsername()), basic.getPassword());
        }
        return Optional.empty();
    }

    static ApiCaller caller(Context ctx) {
        ApiCaller caller = ctx.attribute(CALLER);
        if (caller == null) {
            throw new IllegalStateException("no caller: the route is outside the authenticated path");
        }
        return caller;
    }

    /** The caller, when its key may call {@code method}; else 403 naming the method. */
    static ApiCaller require(Context ctx, String method) {
        ApiCaller caller = caller(ctx);
        if (!caller.may(method)) {
            throw ApiFailure.forbidden(method);
        }
        return caller;
    }

    static void requireAllStores(ApiCaller caller, String what) {
        if (caller.accessType() != AccessType.ALL_STORES) {
            throw ApiFailure.forbiddenAllStores(what);
        }
    }

    /** The store codes the caller reaches, or null for all stores (what {@code RecordQueries} takes). */
    static Set<String> storeScope(ApiCaller caller) {
        return caller.accessType() == AccessType.ALL_STORES ? null : caller.stores();
    }

    /** A connection the caller can see, or 404 as if there were none with that id. */
    ConnectionView visibleConnection(ApiCaller caller, long id) {
        ConnectionView connection = connections.show(id);
        if (!caller.reaches(connection.storeCode())) {
            throw new NotFoundException("There is no connection with id " + id + ".");
        }
        return connection;
    }

    /** A store the caller can see, or 404 as if there were none with that code. */
    static void visibleStore(ApiCaller caller, String code) {
        if (!caller.reaches(code)) {
            throw new NotFoundException("There is no store with code '" + code + "'.");
        }
    }
}
