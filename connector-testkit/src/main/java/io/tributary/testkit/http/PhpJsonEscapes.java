package io.tributary.testkit.http;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * JSON escaped the way PHP's {@code json_encode} does by default ({@code \/} for a slash, {@code \u00e9} for
 * every non-ASCII character), so the fakes of PHP shops send bytes like the real ones.
 */
public final class PhpJsonEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] ascii;

    public PhpJsonEscapes() {
        ascii = CharacterEscapes.standardAsciiEscapesForJSON();
        ascii['/'] = CharacterEscapes.ESCAPE_CUSTOM;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        if (ch == '/') {
            return new SerializedString("\\/");
        }
        if (ch > 127) {
            String hex = Integer.toHexString(ch);
            return new SerializedString("\\u" + "0000".substring(hex.length()) + hex);
        }
        return null;
    }
}
