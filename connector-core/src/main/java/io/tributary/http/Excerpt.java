package io.tributary.http;

/** Short quotes of what a remote system sent, to stand inside our own one-sentence messages. */
public final class Excerpt {
    private Excerpt() {}

    /**
     * The text cut to {@code max} characters, {@code …} marking the cut, on one line: a line break, a tab or another
     * control character the system sent is shown as its Java escape (backslash n, backslash u and four hex digits),
     * so a quote never breaks the sentence it stands in, nor a log line.
     */
    public static String of(String text, int max) {
        String cut = text.length() > max ? text.substring(0, max) : text;
        StringBuilder line = new StringBuilder(cut.length() + 1);
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            switch (c) {
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        line.append(String.format("\\u%04x", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        return cut.length() < text.length() ? line.append('…').toString() : line.toString();
    }

    /** The text as one plain line (HTML tags removed, each run of white space one space), cut to {@code max}. */
    public static String plain(String text, int max) {
        return of(text.replaceAll("<[^>]*>", "").replaceAll("\\s+", " ").trim(), max);
    }
}
