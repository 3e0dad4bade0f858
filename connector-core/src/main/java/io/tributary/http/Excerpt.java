package io.tributary.http;

/** Short quotes of what a remote system sent, to stand inside our own one-sentence messages. */
public final class Excerpt {
    private Excerpt() {}

    /** The text cut to {@code max} characters, {@code …} marking the cut. */
    public static String of(String text, int max) {
        return text.length() > max ? text.substring(0, max) + "…" : text;
    }

    /** The text as one plain line (HTML tags removed, each run of white space one space), cut to {@code max}. */
    public static String plain(String text, int max) {
        return of(text.replaceAll("<[^>]*>", "").replaceAll("\\s+", " ").trim(), max);
    }
}
