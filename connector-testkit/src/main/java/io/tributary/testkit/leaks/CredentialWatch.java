package io.tributary.testkit.leaks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every credential the fake shops hand out in this JVM, and every place one of them was seen where none may appear:
 * a log line ({@link CredentialWatchAppender}), a command's output (the daemon's test harnesses call {@link #scan}).
 * {@link CredentialWatchExtension} fails the test during which one was seen, so the whole suite is the scan.
 *
 * <p>Only secrets are registered — consumer secrets, tokens, passwords, client secrets — never the public half of a
 * pair (a WooCommerce consumer key names the key, as a user name does).
 */
public final class CredentialWatch {
    /** Shorter values would match ordinary text by chance; no fake issues a secret this short. */
    private static final int SHORTEST = 8;
    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    private static final List<String> HITS = new ArrayList<>();

    private CredentialWatch() {}

    /** Registers a value a fake shop issued as a secret; returns it, so it can wrap the expression issuing it. */
    public static String secret(String value) {
        if (value != null && value.length() >= SHORTEST) {
            SECRETS.add(value);
        }
        return value;
    }

    /** Records a hit for each registered secret {@code text} holds; {@code where} says whose text it is. */
    public static void scan(String where, String text) {
        if (text == null || text.length() < SHORTEST) {
            return;
        }
        for (String secret : SECRETS) {
            if (text.contains(secret)) {
                synchronized (HITS) {
                    HITS.add(where + " holds the secret " + masked(secret) + ": " + excerpt(text, secret));
                }
            }
        }
    }

    /** The hits recorded since the last call, which it clears. */
    public static List<String> drainHits() {
        synchronized (HITS) {
            List<String> hits = List.copyOf(HITS);
            HITS.clear();
            return hits;
        }
    }

    /** Enough of a secret to find it in the test, not enough to use it. */
    static String masked(String secret) {
        return secret.substring(0, Math.min(4, secret.length())) + "…(" + secret.length() + " chars)";
    }

    private static String excerpt(String text, String secret) {
        int at = text.indexOf(secret);
        int from = Math.max(0, at - 80);
        int to = Math.min(text.length(), at + secret.length() + 40);
        return (from > 0 ? "…" : "") + text.substring(from, to).replace(secret, masked(secret)).replace('\n', ' ')
                + (to < text.length() ? "…" : "");
    }
}
