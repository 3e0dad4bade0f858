package io.tributary.coopcycle;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import okhttp3.HttpUrl;

/**
 * Where a CoopCycle instance is: its base address as an admin gives it ({@code https://acme.coopcycle.org}, also
 * with a trailing {@code /api}), and the addresses of the routes Tributary uses.
 */
record CoopCycleSite(HttpUrl base) {
    CoopCycleSite {
        requireNonNull(base, "base is null");
    }

    static CoopCycleSite of(URI url) {
        HttpUrl parsed = HttpUrl.get(url.toString());
        String path = parsed.encodedPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.endsWith("/api")) {
            path = path.substring(0, path.length() - 4);
        }
        return new CoopCycleSite(parsed.newBuilder().encodedPath(path.isEmpty() ? "/" : path + "/").query(null)
                .fragment(null).build());
    }

    boolean https() {
        return base.isHttps();
    }

    HttpUrl entryPoint() {
        return base.newBuilder().addPathSegment("api").build();
    }

    /** The instance's public settings (its country, locale, currency). */
    HttpUrl settings() {
        return base.newBuilder().addPathSegments("api/settings").build();
    }

    HttpUrl token() {
        return base.newBuilder().addPathSegments("oauth2/token").build();
    }

    HttpUrl me() {
        return base.newBuilder().addPathSegments("api/me").build();
    }

    HttpUrl store(long storeId) {
        return base.newBuilder().addPathSegments("api/stores").addPathSegment(Long.toString(storeId)).build();
    }

    /** A store's deliveries, newest first, {@code perPage} at a time. */
    HttpUrl storeDeliveries(long storeId, int perPage) {
        return store(storeId).newBuilder().addPathSegment("deliveries")
                .addQueryParameter("order[createdAt]", "desc")
                .addQueryParameter("itemsPerPage", Integer.toString(perPage)).build();
    }

    HttpUrl deliveries() {
        return base.newBuilder().addPathSegments("api/deliveries").build();
    }

    /** An IRI or link the API gave ({@code /api/stores/1/deliveries?page=2}), on this instance's host. */
    HttpUrl resolve(String iri) {
        HttpUrl resolved = base.resolve(iri);
        if (resolved == null || !resolved.host().equals(base.host()) || resolved.port() != base.port()) {
            throw new IllegalArgumentException("CoopCycle gave a link outside the instance: " + iri);
        }
        return resolved;
    }
}
