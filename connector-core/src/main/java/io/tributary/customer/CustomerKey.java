package io.tributary.customer;

import static java.util.Objects.requireNonNull;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;

/**
 * What finds a customer: a normalized e-mail (trimmed, lower-case) or a phone in E.164. Two orders with an equal key
 * belong to one customer.
 */
public record CustomerKey(Kind kind, String value) {
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    /** The longest e-mail the orders table keeps. */
    private static final int MAX_EMAIL = 320;

    public enum Kind { EMAIL, PHONE }

    public CustomerKey {
        requireNonNull(kind, "kind is null");
        requireNonNull(value, "value is null");
    }

    /** The e-mail's key, or null when the text holds no e-mail (blank, no {@code @}, too long). */
    public static CustomerKey email(String typed) {
        if (typed == null) {
            return null;
        }
        String email = typed.strip().toLowerCase(Locale.ROOT);
        int at = email.indexOf('@');
        if (at <= 0 || at == email.length() - 1 || email.length() > MAX_EMAIL) {
            return null;
        }
        return new CustomerKey(Kind.EMAIL, email);
    }

    /**
     * The phone's key in E.164 when libphonenumber reads it as a valid number — written with its {@code +} country
     * code, or in the national format of {@code region} — and null otherwise: a phone that cannot be read surely is
     * not used to tie two people together.
     *
     * @param region an ISO 3166 alpha-2 country (the store's), or null when the store has none
     */
    public static CustomerKey phone(String typed, String region) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            PhoneNumber number = PHONES.parse(typed, region == null ? "ZZ" : region.toUpperCase(Locale.ROOT));
            return PHONES.isValidNumber(number)
                    ? new CustomerKey(Kind.PHONE, PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : null;
        } catch (NumberParseException e) {
            return null;
        }
    }

    /** Whether libphonenumber knows the country as a region of phone numbers. */
    public static boolean isPhoneRegion(String country) {
        return country != null && PHONES.getSupportedRegions().contains(country.toUpperCase(Locale.ROOT));
    }
}
