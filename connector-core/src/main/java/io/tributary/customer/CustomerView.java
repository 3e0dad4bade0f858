package io.tributary.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A customer as one caller may see it: every value is derived from the orders and source accounts in the caller's stores only, so a
 * caller limited to some stores never learns of the customer's orders, accounts, e-mails or phones elsewhere.
 *
 * @param id          the customer at the top of its merges (the id to show and to look up)
 * @param name        the name on the most recent order that has one, else on its most recently changed account
 * @param emails      the normalized e-mails of its orders (most recent first), then of its accounts
 * @param phones      the phones of its orders, then of its accounts, in E.164 (as written when libphonenumber cannot read them)
 * @param totalSpent  per currency: the orders' totals less what was refunded
 * @param seenIn      the stores and connections its orders and accounts come from
 */
public record CustomerView(long id, String name, List<String> emails, List<String> phones, Instant firstOrderAt,
        Instant lastOrderAt, long orderCount, Map<String, BigDecimal> totalSpent, List<SeenIn> seenIn) {

    /** A connection (and its store) an order of the customer came from. */
    public record SeenIn(String storeCode, long connectionId, String connectionName) {}
}
