package io.tributary.testkit.woocommerce;

import java.math.BigDecimal;
import java.util.Random;

/** Makes plausible orders (customer, addresses, payment) from a random source; lines come separately. */
final class WooOrderFactory {

    private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    WooOrder order(Random rnd, int id, String status) {
        WooOrder order = new WooOrder(id, status);
        order.orderKey = "wc_order_" + random(rnd, 13);
        order.customerId = rnd.nextInt(10) < 4 ? 0 : 2 + rnd.nextInt(800);
        String[] first = WooSeedWords.FIRST_NAMES.get(rnd.nextInt(WooSeedWords.FIRST_NAMES.size()));
        String[] last = WooSeedWords.LAST_NAMES.get(rnd.nextInt(WooSeedWords.LAST_NAMES.size()));
        String[] place = WooSeedWords.PLACES.get(rnd.nextInt(WooSeedWords.PLACES.size()));
        String email = first[1] + "." + last[1] + (order.customerId == 0 ? id : order.customerId) + "@example.org";
        String phone = place[5] + " " + digits(rnd, 2) + " " + digits(rnd, 2) + " " + digits(rnd, 2) + " " + digits(rnd, 2);
        String street = (1 + rnd.nextInt(120)) + " " + place[0];
        order.billing = new WooAddress(first[0], last[0], "", street, "", place[1], place[2], place[3], place[4], email,
                phone);
        if (rnd.nextInt(5) == 0) {
            String[] other = WooSeedWords.PLACES.get(rnd.nextInt(WooSeedWords.PLACES.size()));
            order.shipping = new WooAddress(first[0], last[0], "", (1 + rnd.nextInt(120)) + " " + other[0], "",
                    other[1], other[2], other[3], other[4], "", "");
        } else {
            order.shipping = new WooAddress(first[0], last[0], "", street, "", place[1], place[2], place[3], place[4], "",
                    phone);
        }
        String[] payment = WooSeedWords.PAYMENT_METHODS.get(rnd.nextInt(WooSeedWords.PAYMENT_METHODS.size()));
        order.paymentMethod = payment[0];
        order.paymentMethodTitle = payment[1];
        order.customerIpAddress = "203.0.113." + (1 + rnd.nextInt(254));
        order.customerNote = rnd.nextInt(12) == 0 ? "Merci de sonner deux fois – 2ᵉ étage." : "";
        return order;
    }

    /** Sets shipping by the items total, then every tax and total. */
    static void price(WooOrder order) {
        BigDecimal items = BigDecimal.ZERO.setScale(2);
        for (WooLineItem line : order.lineItems) {
            items = items.add(line.total());
        }
        order.shippingTotal = WooTotals.shippingFor(items);
        WooTotals.recompute(order);
    }

    /** A transaction id once the order was paid through a gateway that gives one. */
    static String transactionId(Random rnd, String paymentMethod) {
        return switch (paymentMethod) {
            case "stripe" -> "ch_" + random(rnd, 24);
            case "paypal" -> random(rnd, 17).toUpperCase(java.util.Locale.ROOT);
            default -> "";
        };
    }

    private static String random(Random rnd, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHANUMERIC.charAt(rnd.nextInt(ALPHANUMERIC.length())));
        }
        return text.toString();
    }

    private static String digits(Random rnd, int count) {
        StringBuilder text = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            text.append((char) ('0' + rnd.nextInt(10)));
        }
        return text.toString();
    }
}
