package io.tributary.testkit.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decoding of {@code application/x-www-form-urlencoded} query strings, the way PHP's
 * {@code urldecode} reads them: {@code +} is a space, {@code %XX} a byte of UTF-8, and a malformed
 * escape stays as it was.
 */
public final class QueryString {

    private QueryString() {
    }

    /**
     * Decodes a raw query string into its parameters, in the order they were sent; a name sent
     * several times keeps every value. A part without {@code =} has the empty value.
     */
    public static Map<String, List<String>> parse(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Collections.unmodifiableMap(parameters);
        }
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int equals = part.indexOf('=');
            String name = decode(equals < 0 ? part : part.substring(0, equals));
            String value = equals < 0 ? "" : decode(part.substring(equals + 1));
            parameters.computeIfAbsent(name, ignored -> new ArrayList<>()).add(value);
        }
        parameters.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(parameters);
    }

    /** Decodes one form-encoded component: {@code +} becomes a space, {@code %XX} a byte. */
    public static String decode(String component) {
        return percentDecode(component, true);
    }

    /** Decodes percent escapes only ({@code +} stays a plus), as for a URL path or PHP's {@code rawurldecode}. */
    public static String rawDecode(String component) {
        return percentDecode(component, false);
    }

    private static String percentDecode(String component, boolean plusIsSpace) {
        if (component.indexOf('%') < 0 && (!plusIsSpace || component.indexOf('+') < 0)) {
            return component;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(component.length());
        int i = 0;
        while (i < component.length()) {
            char c = component.charAt(i);
            if (c == '%' && isHex(component, i + 1) && isHex(component, i + 2)) {
                bytes.write(Integer.parseInt(component.substring(i + 1, i + 3), 16));
                i += 3;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
                i++;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < component.length()) {
                    encoded = component.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(encoded);
                i++;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(String s, int index) {
        return index < s.length() && Character.digit(s.charAt(index), 16) >= 0;
    }
}
