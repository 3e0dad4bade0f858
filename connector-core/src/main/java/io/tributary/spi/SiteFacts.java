package io.tributary.spi;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a connector learned of the site of the connection being read and may take again without asking: facts that
 * change only when the shop's admin or software changes (the currency prices are in, which filters and routes the
 * API has). Each costs a request per sync when read anew; an incremental sync of a few changes is then mostly such
 * requests. The sync engine adds this to the {@link ConnectorContext} of a run, bound to the connection and its
 * API URL (a fact of another URL is not recalled), and forgets the connection's facts when a run fails, so that
 * whatever went wrong, the next run reads the site afresh. A context without it (a verification, a test that opens
 * a connector alone) means every fact is read from the system.
 *
 * <p>A connector re-reads its facts on every read from the start ({@link #maxAgeFor}), and never takes from here a
 * fact whose staleness could lose records (the site's time zone, which turns the cursor into the shop's filter).
 */
public final class SiteFacts {
    /** How long a fact is taken without asking again, when the read is not from the start. */
    public static final Duration MAX_AGE = Duration.ofHours(24);

    /** Where facts are kept, implemented by the host. */
    public interface Memory {
        /** The fact remembered under {@code name}, if any. */
        Optional<Fact> recall(String name);

        /** Remembers {@code value} (null: the system does not say) under {@code name}, read at {@code readAt}. */
        void remember(String name, String value, Instant readAt);
    }

    /**
     * A remembered fact.
     *
     * @param value  what was read; null when the system did not say (a key not allowed to read it)
     * @param readAt when it was read
     */
    public record Fact(String value, Instant readAt) {
        public Fact {
            requireNonNull(readAt, "readAt is null");
        }
    }

    private final Memory memory;
    private final Clock clock;

    public SiteFacts(Memory memory, Clock clock) {
        this.memory = requireNonNull(memory, "memory is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** {@link Duration#ZERO} (read anew) for a read from the start, else {@link #MAX_AGE}. */
    public static Duration maxAgeFor(SyncCursor from) {
        return from.isStart() ? Duration.ZERO : MAX_AGE;
    }

    /**
     * The fact {@code name}, taken from {@code context}'s facts when read within {@code maxAge}; else read by
     * {@code reader} (null when the system does not say) and remembered. Without facts in the context, read.
     */
    public static String of(ConnectorContext context, String name, Duration maxAge, Supplier<String> reader) {
        Optional<SiteFacts> facts = context.find(SiteFacts.class);
        return facts.isPresent() ? facts.get().fact(name, maxAge, reader) : reader.get();
    }

    /** The fact {@code name} if read within {@code maxAge}; else read by {@code reader} and remembered. */
    public String fact(String name, Duration maxAge, Supplier<String> reader) {
        Instant now = clock.instant();
        Optional<Fact> known = maxAge.isZero() ? Optional.empty() : memory.recall(name);
        if (known.isPresent() && !known.get().readAt().isBefore(now.minus(maxAge))
                && !known.get().readAt().isAfter(now)) {
            return known.get().value();
        }
        String value = reader.get(); // a failure is thrown as it is, and nothing is remembered
        memory.remember(name, value, now);
        return value;
    }
}
