package io.tributary.apikey;

/** Which stores a key reaches: every store (present and future) or the ones it lists. */
public enum AccessType {
    ALL_STORES,
    SELECTED_STORES
}
