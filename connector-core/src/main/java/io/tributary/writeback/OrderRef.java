package io.tributary.writeback;

import static java.util.Objects.requireNonNull;

import io.tributary.store.InvalidInputException;

/**
 * How the API and the command name one stored order: {@code CONNECTION:EXTERNAL_ID}, its connection's id and the id
 * its system gave it (the {@code connectionId} and {@code externalId} of the order's JSON), e.g. {@code 3:727}.
 */
public record OrderRef(long connectionId, String externalId) {
    public OrderRef {
        requireNonNull(externalId, "externalId is null");
    }

    /**
     * Reads {@code 3:727}.
     *
     * @throws InvalidInputException (field {@code id}) when the text is not of that form
     */
    public static OrderRef parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon > 0 && colon < text.length() - 1) {
            try {
                long connection = Long.parseLong(text.substring(0, colon));
                if (connection > 0) {
                    return new OrderRef(connection, text.substring(colon + 1));
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new InvalidInputException("id", "'" + text + "' is not an order id: give CONNECTION:EXTERNAL_ID, the "
                + "connectionId and externalId of the order (e.g. 3:727).");
    }

    @Override
    public String toString() {
        return connectionId + ":" + externalId;
    }
}
