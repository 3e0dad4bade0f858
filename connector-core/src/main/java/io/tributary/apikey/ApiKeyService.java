package io.tributary.apikey;

import static java.util.Objects.requireNonNull;

import io.tributary.connection.Store;
import io.tributary.spi.Secret;
import io.tributary.store.CentralStore;
import io.tributary.store.InvalidInputException;
import io.tributary.store.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.Session;

/**
 * Issues, lists, revokes and checks API keys. A token is {@value #TOKEN_START} and 43 URL-safe characters (32 bytes
 * from {@link SecureRandom}); it is shown once, at creation. The store keeps its SHA-256 and its first
 * {@value #PREFIX_LENGTH} characters (to tell keys apart and to find the candidates of a presented token, whose
 * hashes are then compared in constant time). {@code lastUsedAt} is written at most once per {@link #USE_WRITE_EVERY}
 * per key and process, not once per request.
 */
public final class ApiKeyService {
    public static final String TOKEN_START = "trb_";
    public static final int PREFIX_LENGTH = 12;
    public static final Duration USE_WRITE_EVERY = Duration.ofMinutes(1);
    private static final Base64.Encoder TOKEN_TEXT = Base64.getUrlEncoder().withoutPadding();
    private final CentralStore store;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<Long, Instant> lastUseWritten = new ConcurrentHashMap<>();

    public ApiKeyService(CentralStore store, Clock clock) {
        this.store = requireNonNull(store, "store is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * Creates an active key.
     *
     * @param storeCodes the stores it reaches; null or empty means all stores
     * @param methods    method or block names; null or empty means every method
     * @throws InvalidInputException naming each bad field (name, stores, methods)
     */
    public CreatedApiKey create(String name, List<String> storeCodes, List<String> methods) {
        List<io.tributary.spi.ValidationProblem> problems = new ArrayList<>();
        String checkedName = name == null ? "" : name.trim();
        if (checkedName.isEmpty() || checkedName.length() > 200) {
            problems.add(new io.tributary.spi.ValidationProblem("name", "The key's name is required (at most 200 "
                    + "characters)."));
        }
        List<String> allowed = null;
        try {
            allowed = ApiMethods.expand(methods);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        List<String> codes = storeCodes == null ? List.of()
                : storeCodes.stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<String> methodList = allowed;
        String token = TOKEN_START + TOKEN_TEXT.encodeToString(randomBytes());
        return store.inTransaction(session -> {
            Set<Store> stores = resolveStores(session, codes);
            ApiKey key = new ApiKey(checkedName, token.substring(0, PREFIX_LENGTH), hashHex(token),
                    codes.isEmpty() ? AccessType.ALL_STORES : AccessType.SELECTED_STORES, stores, methodList,
                    clock.instant());
            session.persist(key);
            session.flush();
            return new CreatedApiKey(view(key), Secret.of(token));
        });
    }

    /** Keys in id order, filtered by active flag, access type and a store they reach, when those are non-null. */
    public List<ApiKeyView> list(Boolean active, AccessType accessType, String storeCode) {
        return store.inTransaction(session -> session
                .createSelectionQuery("from ApiKey k order by k.id", ApiKey.class).getResultList().stream()
                .filter(k -> active == null || k.active() == active)
                .filter(k -> accessType == null || k.accessType() == accessType)
                .filter(k -> storeCode == null || reaches(k, storeCode))
                .map(ApiKeyService::view).toList());
    }

    public ApiKeyView show(long id) {
        return store.inTransaction(session -> view(require(session, id)));
    }

    /** Deactivates a key: from now on it is refused (401). It can be activated again. */
    public ApiKeyView revoke(long id) {
        return store.inTransaction(session -> {
            ApiKey key = require(session, id);
            key.revoke(clock.instant());
            return view(key);
        });
    }

    public ApiKeyView activate(long id) {
        return store.inTransaction(session -> {
            ApiKey key = require(session, id);
            key.activate();
            return view(key);
        });
    }

    /** The caller a presented token stands for, when it is an active key's. */
    public Optional<ApiCaller> authenticate(String token) {
        if (token == null || token.length() < PREFIX_LENGTH || !token.startsWith(TOKEN_START)) {
            return Optional.empty();
        }
        byte[] presented = hash(token);
        return store.inTransaction(session -> {
            ApiKey match = null;
            for (ApiKey candidate : session.createSelectionQuery("from ApiKey k where k.tokenPrefix = :prefix",
                    ApiKey.class).setParameter("prefix", token.substring(0, PREFIX_LENGTH)).getResultList()) {
                if (MessageDigest.isEqual(presented, HexFormat.of().parseHex(candidate.tokenHash()))) {
                    match = candidate;
                }
            }
            return accept(match);
        });
    }

    /** As {@link #authenticate(String)}, for HTTP Basic: the key's id as user name, its token as password. */
    public Optional<ApiCaller> authenticate(long keyId, String token) {
        if (token == null) {
            return Optional.empty();
        }
        byte[] presented = hash(token);
        return store.inTransaction(session -> {
            ApiKey key = session.find(ApiKey.class, keyId);
            boolean same = key != null && MessageDigest.isEqual(presented, HexFormat.of().parseHex(key.tokenHash()));
            return accept(same ? key : null);
        });
    }

    private Optional<ApiCaller> accept(ApiKey key) {
        if (key == null || !key.active()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant written = lastUseWritten.get(key.id());
        if (written == null || !now.isBefore(written.plus(USE_WRITE_EVERY))) {
            Instant stored = key.lastUsedAt();
            if (stored == null || !now.isBefore(stored.plus(USE_WRITE_EVERY))) {
                key.used(now); // flushed with the transaction; at most once a minute per key and process
            }
            lastUseWritten.put(key.id(), now);
        }
        Set<String> codes = new LinkedHashSet<>();
        key.stores().forEach(s -> codes.add(s.code()));
        return Optional.of(new ApiCaller(key.id(), key.name(), key.accessType(), codes, key.methods()));
    }

    private static boolean reaches(ApiKey key, String storeCode) {
        return key.accessType() == AccessType.ALL_STORES
                || key.stores().stream().anyMatch(s -> s.code().equals(storeCode));
    }

    private static Set<Store> resolveStores(Session session, List<String> codes) {
        Set<Store> stores = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String code : codes) {
            Store found = session.createSelectionQuery("from Store s where s.code = :code", Store.class)
                    .setParameter("code", code).uniqueResult();
            if (found == null) {
                unknown.add("'" + code + "'");
            } else {
                stores.add(found);
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("stores", "Unknown store " + String.join(", ", unknown)
                    + "; add it first with: tributary store add CODE --name NAME");
        }
        return stores;
    }

    private static ApiKey require(Session session, long id) {
        ApiKey key = session.find(ApiKey.class, id);
        if (key == null) {
            throw new NotFoundException("There is no API key with id " + id + ".");
        }
        return key;
    }

    static ApiKeyView view(ApiKey key) {
        List<String> stores = key.stores().stream().map(Store::code).sorted().toList();
        return new ApiKeyView(key.id(), key.name(), key.tokenPrefix(), key.accessType(), stores, key.methods(),
                key.active(), key.createdAt(), key.lastUsedAt(), key.revokedAt());
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String hashHex(String token) {
        return HexFormat.of().formatHex(hash(token));
    }
}
