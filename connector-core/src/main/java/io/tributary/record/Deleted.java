package io.tributary.record;

import java.util.Locale;

/**
 * Which stored records a listing shows with respect to deletes at the source (found by a reconciliation pass):
 * those still at the source (the default: a listing shows what the shop has), all of them, or only the deleted.
 */
public enum Deleted {
    EXCLUDE, INCLUDE, ONLY;

    /** The lower-case name used on the command line and in the API ({@code exclude}, {@code include}, {@code only}). */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code exclude|include|only} in any case; null or blank means the default, {@link #EXCLUDE}. */
    public static Deleted parse(String text) {
        if (text == null || text.isBlank()) {
            return EXCLUDE;
        }
        for (Deleted value : values()) {
            if (value.name().equalsIgnoreCase(text.trim())) {
                return value;
            }
        }
        throw new IllegalArgumentException("Unknown deleted filter '" + text + "': use exclude (the default), "
                + "include or only.");
    }

    /** The SQL condition on {@code alias.deleted_at}, with a leading AND; empty for {@link #INCLUDE}. */
    String condition(String alias) {
        String column = alias.isEmpty() ? "deleted_at" : alias + ".deleted_at";
        return switch (this) {
            case EXCLUDE -> " AND " + column + " IS NULL";
            case ONLY -> " AND " + column + " IS NOT NULL";
            case INCLUDE -> "";
        };
    }
}
