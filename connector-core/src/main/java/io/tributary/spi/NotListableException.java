package io.tributary.spi;

/**
 * Thrown by {@link Connector#listIds} when this connection cannot list every id of an entity its system can list
 * for others (its credentials lack a scope, say), so absence from a listing would prove nothing. A full sync then
 * says in its run that deletes were not looked for; a reconciliation pass fails with the message. The message is
 * one sentence saying why and what would change it.
 */
public class NotListableException extends ConnectorException {
    public NotListableException(String message) {
        super(FailureKind.FORBIDDEN, message);
    }
}
