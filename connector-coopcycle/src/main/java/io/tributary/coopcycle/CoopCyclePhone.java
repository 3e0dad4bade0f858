package io.tributary.coopcycle;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Optional;

/**
 * A recipient's phone as CoopCycle takes it: in E.164, read with libphonenumber, the library CoopCycle itself reads
 * and checks phones with (its PHP port, through misd/phone-number-bundle), and a default region for a number typed
 * without its country code. CoopCycle would read such a number in its own instance's country, so "(415) 555-2671"
 * from a US shop becomes a wrong French number there; sent as {@code +14155552671} it is what the customer meant.
 *
 * <p>CoopCycle refuses the whole delivery over a phone it cannot read (400, "The string supplied did not seem to be
 * a phone number.") or that is not a valid number (a violation of {@code items[1].task.address.telephone}): such a
 * phone gives nothing here, and the delivery goes without it (see {@link CoopCycleDeliveryBody}).
 */
final class CoopCyclePhone {
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private CoopCyclePhone() {}

    /**
     * The phone in E.164 when libphonenumber reads it as a valid number: with its {@code +} country code, or in the
     * national format of {@code region}; empty otherwise.
     *
     * @param region a region libphonenumber knows ({@link #region}), or null when none is known
     */
    static Optional<String> e164(String typed, String region) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = PHONES.parse(typed, region == null ? "ZZ" : region);
            return PHONES.isValidNumber(number)
                    ? Optional.of(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164)) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** Whether reading the phone needs a default region: it does not start with its {@code +} country code. */
    static boolean needsRegion(String typed) {
        return typed != null && !typed.strip().startsWith("+");
    }

    /** The region libphonenumber knows for an ISO 3166 code as a shop or CoopCycle gives it ({@code fr}); or null. */
    static String region(String country) {
        if (country == null) {
            return null;
        }
        String code = country.strip().toUpperCase(Locale.ROOT);
        return PHONES.getSupportedRegions().contains(code) ? code : null;
    }
}
