package io.tributary.testkit.magento;

/** What Magento_TwoFactorAuth does to {@code POST /V1/integration/admin/token} once the password is right. */
public enum TwoFactorMode {
    /** The module is disabled (a third-party module or a development shop): the token is issued. */
    OFF,
    /**
     * 2FA is configured for the user: 401 "Please use the 2fa provider-specific endpoints to obtain a token."
     * with {@code parameters.active_providers}, as 2.4.x answers.
     */
    REQUIRED,
    /** The user has no 2FA provider yet: 400 "Please ask an administrator with sufficient access to configure 2FA first". */
    NOT_CONFIGURED
}
