package io.tributary.route;

/**
 * A route to add.
 *
 * @param whenStatus      the source order status that triggers a delivery; null means {@link #DEFAULT_STATUS}
 * @param leadMinutes     null means {@link #DEFAULT_LEAD_MINUTES}
 * @param slotMinutes     null means {@link #DEFAULT_SLOT_MINUTES}
 * @param includeExisting also forward orders that are already in the status when the route is added
 * @param completeStatus  the status the source order takes once its delivery is delivered; null: left alone
 */
public record RouteDraft(long sourceConnectionId, long targetConnectionId, String whenStatus, Integer leadMinutes,
        Integer slotMinutes, boolean includeExisting, String completeStatus) {
    public static final String DEFAULT_STATUS = "processing";
    public static final int DEFAULT_LEAD_MINUTES = 90;
    public static final int DEFAULT_SLOT_MINUTES = 60;

    /** A route that leaves its orders' status alone once they are delivered. */
    public RouteDraft(long sourceConnectionId, long targetConnectionId, String whenStatus, Integer leadMinutes,
            Integer slotMinutes, boolean includeExisting) {
        this(sourceConnectionId, targetConnectionId, whenStatus, leadMinutes, slotMinutes, includeExisting, null);
    }
}
