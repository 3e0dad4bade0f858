/**
 * A fake CoopCycle instance (coopcycle-web: Symfony + API Platform, JSON-LD/Hydra) for tests and the demo.
 *
 * <p>Start one with {@link io.tributary.testkit.coopcycle.FakeCoopCycle#builder()}. What it reproduces, after
 * {@code ../shared/EXTERNAL_APIS.md} section 3: the public entry point {@code GET /api}
 * ({@code @context /api/contexts/Entrypoint}); {@code POST /oauth2/token} as league/oauth2-server 8.5 answers it
 * (client credentials only, HTTP Basic or form-field client authentication, default scope {@code deliveries},
 * {@code invalid_client} 401 with {@code WWW-Authenticate}, {@code invalid_scope} 400 with its "Check the `x` scope"
 * hint, {@code expires_in}); bearer authentication by token or {@code ak_} API key with Lexik-style 401 bodies
 * ("JWT Token not found", "Invalid JWT Token", "Expired JWT Token"); {@code GET /api/me} for store and shop apps;
 * {@code GET /api/stores/{id}}; {@code GET /api/stores/{id}/deliveries} with {@code order[createdAt]},
 * {@code itemsPerPage} (default 30, at most 100) and {@code page}, and a {@code hydra:view} whose links repeat the
 * request's own query; {@code POST /api/deliveries} (pickup address optional, time windows required, 400
 * {@code ConstraintViolationList} documents) and {@code GET /api/deliveries/{id}}; phone numbers read with
 * libphonenumber in the instance's country and served in E.164, an unparseable one refused with a 400
 * {@code hydra:Error} ("The string supplied did not seem to be a phone number.") and an invalid one with a violation
 * of {@code items[n].task.address.telephone}; the public {@code GET /api/settings} (its {@code country}); 403
 * {@code hydra:Error} for another store's data; task statuses TODO/DOING/DONE/FAILED/CANCELLED; times with the
 * instance's offset; order totals in cents.
 *
 * <p>Not reproduced: real geocoding (an address is refused only when it contains a configured word; the message
 * "The address could not be geocoded." is invented, as is "The time window ends before it starts."), relative
 * times such as "tomorrow 13:00", pricing rules (every created delivery gets an order of one configured total),
 * multi-drop {@code tasks}, packages and weight, the {@code PUT}/{@code DELETE} delivery routes, the date filters on
 * task windows, {@code /api/orders}, restaurants and webhooks. As on CoopCycle, a delivery's tasks carry no
 * {@code updatedAt} (coopcycle-web puts {@code Task::$updatedAt} in the {@code task} serialization group only, not
 * in {@code delivery}), so a status change leaves no time in what the API serves.
 */
package io.tributary.testkit.coopcycle;
