package io.tributary.testkit.woocommerce;

import java.util.Arrays;

/** A WooCommerce version such as {@code 9.4.2}, compared part by part. */
record WooVersion(String text, int[] parts) {

    static WooVersion parse(String text) {
        if (text == null || !text.matches("\\d+(\\.\\d+){0,3}")) {
            throw new IllegalArgumentException("not a WooCommerce version: " + text);
        }
        return new WooVersion(text, Arrays.stream(text.split("\\.")).mapToInt(Integer::parseInt).toArray());
    }

    boolean atLeast(String other) {
        int[] o = parse(other).parts();
        for (int i = 0; i < Math.max(parts.length, o.length); i++) {
            int a = i < parts.length ? parts[i] : 0;
            int b = i < o.length ? o[i] : 0;
            if (a != b) {
                return a > b;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WooVersion v && v.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
