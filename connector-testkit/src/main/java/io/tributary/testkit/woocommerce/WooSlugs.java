package io.tributary.testkit.woocommerce;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Slugs the way WordPress's {@code sanitize_title()} makes them: accents removed, lower case,
 * other characters turned into dashes, characters without a Latin form (日本茶) kept as
 * lower-case percent-encoded UTF-8, and {@code -2}, {@code -3} appended to make them unique.
 */
final class WooSlugs {

    private static final Pattern MARKS = Pattern.compile("\\p{M}");

    private final Map<String, Integer> used = new HashMap<>();
    private final Map<String, String> slugOfTitle = new HashMap<>();

    String unique(String title) {
        String base = slugOfTitle.computeIfAbsent(title, WooSlugs::slug);
        if (base.isEmpty()) {
            base = "product";
        }
        int count = used.merge(base, 1, Integer::sum);
        return count == 1 ? base : base + "-" + count;
    }

    static String slug(String title) {
        String latin = Normalizer.normalize(title.replace("ø", "o").replace("Ø", "O").replace("ß", "ss")
                .replace("æ", "ae").replace("Æ", "AE").replace("ł", "l").replace("Ł", "L"), Normalizer.Form.NFD)
                .transform(s -> MARKS.matcher(s).replaceAll("")).toLowerCase(Locale.ROOT);
        StringBuilder slug = new StringBuilder();
        for (int i = 0; i < latin.length(); i++) {
            char c = latin.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                slug.append(c);
            } else if (c > 127 && Character.isLetterOrDigit(c)) {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    slug.append('%').append(String.format("%02x", b & 0xff));
                }
            } else if (slug.length() > 0 && slug.charAt(slug.length() - 1) != '-') {
                slug.append('-');
            }
        }
        while (slug.length() > 0 && slug.charAt(slug.length() - 1) == '-') {
            slug.setLength(slug.length() - 1);
        }
        return slug.toString();
    }
}
