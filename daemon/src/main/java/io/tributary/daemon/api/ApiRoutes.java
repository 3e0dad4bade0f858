package io.tributary.daemon.api;

import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers the API's routes on Javalin and remembers each with what the OpenAPI document says of it, so the
 * document is made from the same table the server is.
 */
final class ApiRoutes {
    static final String BASE = "/api/v1";

    /**
     * One route.
     *
     * @param method    the API method a key needs, or null for none
     * @param success   the status of a successful answer
     * @param query     the query parameters it reads
     * @param bodyFields the JSON body's fields, empty when it reads no body
     */
    record Route(HandlerType verb, String path, String method, String summary, int success, List<String> query,
            List<String> bodyFields) {}

    private final Javalin app;
    private final List<Route> routes = new ArrayList<>();

    ApiRoutes(Javalin app) {
        this.app = app;
    }

    RouteBuilder route(HandlerType verb, String path, String method, String summary) {
        return new RouteBuilder(verb, path, method, summary);
    }

    List<Route> all() {
        return List.copyOf(routes);
    }

    final class RouteBuilder {
        private final HandlerType verb;
        private final String path;
        private final String method;
        private final String summary;
        private int success = 200;
        private List<String> query = List.of();
        private List<String> body = List.of();

        private RouteBuilder(HandlerType verb, String path, String method, String summary) {
            this.verb = verb;
            this.path = path;
            this.method = method;
            this.summary = summary;
        }

        RouteBuilder status(int status) {
            this.success = status;
            return this;
        }

        RouteBuilder query(String... names) {
            this.query = List.of(names);
            return this;
        }

        RouteBuilder body(String... fields) {
            this.body = List.of(fields);
            return this;
        }

        void to(Handler handler) {
            app.addHttpHandler(verb, BASE + path, handler);
            routes.add(new Route(verb, BASE + path, method, summary, success, query, body));
        }
    }
}
