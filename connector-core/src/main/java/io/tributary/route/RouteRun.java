package io.tributary.route;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * One dispatch of one route after an orders sync of its source.
 *
 * @param syncRunId  the orders sync run that triggered it, or null
 * @param posted     deliveries created in this run
 * @param reconciled deliveries found already created (posted by a run that crashed before remembering them)
 * @param refused    orders the target refused in this run; each is listed in {@code refusals}
 * @param waiting    orders left for a later run after a failure that may go away (the target was unreachable)
 * @param error      why the run failed, or null
 */
public record RouteRun(long id, long routeId, long targetConnectionId, Long syncRunId, Outcome outcome,
        Instant startedAt, Instant finishedAt, long posted, long reconciled, long refused, long waiting, String error,
        List<Refusal> refusals) {

    /** RUNNING while it runs; ABANDONED when the process running it died. */
    public enum Outcome { RUNNING, SUCCEEDED, FAILED, ABANDONED }

    /** An order the target refused, and why in the target's words. */
    public record Refusal(String orderExternalId, String orderNumber, String reason) {
        public Refusal {
            requireNonNull(orderExternalId, "orderExternalId is null");
            requireNonNull(reason, "reason is null");
        }
    }

    public RouteRun {
        requireNonNull(outcome, "outcome is null");
        refusals = List.copyOf(requireNonNull(refusals, "refusals is null"));
    }
}
