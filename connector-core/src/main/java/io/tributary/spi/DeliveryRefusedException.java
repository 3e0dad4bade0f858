package io.tributary.spi;

import static java.util.Objects.requireNonNull;

/**
 * The target system refused to create a delivery because of what was asked (a bad address, a phone number it does
 * not accept, a time window it cannot serve): nothing was created, and sending the same request again would be
 * refused again. The message is the system's own reason, in one line, with no credential in it.
 */
public class DeliveryRefusedException extends RuntimeException {
    private final Integer httpStatus;

    public DeliveryRefusedException(String reason, Integer httpStatus) {
        super(requireNonNull(reason, "reason is null"));
        this.httpStatus = httpStatus;
    }

    /** The HTTP status of the refusal, or null when the connector refused before sending anything. */
    public Integer httpStatus() {
        return httpStatus;
    }
}
