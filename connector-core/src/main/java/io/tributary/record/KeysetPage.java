package io.tributary.record;

import java.util.List;

/**
 * One page of a keyset listing.
 *
 * @param next the opaque cursor to pass as {@code after} for the following page; null when this page is the last
 */
public record KeysetPage<T>(List<T> items, String next) {
    public KeysetPage {
        items = List.copyOf(items);
    }
}
