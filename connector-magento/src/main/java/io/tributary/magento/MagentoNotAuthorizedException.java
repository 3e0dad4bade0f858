package io.tributary.magento;

import io.tributary.spi.ConnectorException;
import io.tributary.spi.FailureKind;

/**
 * Magento's 401 "The consumer isn't authorized to access %resources.": the caller is unknown to Magento (a bad,
 * expired or disallowed token makes it a guest) or lacks the ACL resource. Carries the resource so a
 * verification can tell "nothing works" from "one entity is refused".
 */
final class MagentoNotAuthorizedException extends ConnectorException {
    private static final long serialVersionUID = 1L;
    private final String resource;

    MagentoNotAuthorizedException(FailureKind kind, String message, String resource) {
        super(kind, message, 401, null);
        this.resource = resource;
    }

    /** The ACL resource Magento named, e.g. {@code Magento_Sales::actions_view}; null when it named none. */
    String resource() {
        return resource;
    }
}
