package io.tributary.testkit.magento;

import java.util.List;

/** Word lists for the seeded Magento shop: names in several scripts, so encodings get exercised. */
final class MagentoSeedWords {

    private MagentoSeedWords() {
    }

    /** A product line: category id, base names, SKU prefix, the attribute its configurables vary in, options. */
    record Line(int categoryId, List<String> names, String skuPrefix, String attribute, List<String> options) {
    }

    static final List<Line> LINES = List.of(
            new Line(11, List.of("Grüner Tee", "日本茶 Sencha", "Earl Grey", "Thé à la menthe", "Matcha 抹茶"),
                    "TEA", "weight_option", List.of("100 g", "250 g", "500 g", "1 kg")),
            new Line(12, List.of("Café crème", "Espresso Napoli", "Kaffee Hausmischung", "Café de Colombia"),
                    "COF", "grind", List.of("Grains", "Filtre", "Espresso", "Piston")),
            new Line(13, List.of("Smørrebrød", "Crème brûlée", "Pão de queijo", "Chocolat noir 70 %", "Açaí"),
                    "DEL", "format", List.of("Petit", "Moyen", "Grand", "Familial")),
            new Line(14, List.of("Žlutá konvice", "Blue mug", "Tasse à café", "Teekanne Gußeisen", "Bol en grès"),
                    "KIT", "color", List.of("Rouge", "Bleu", "Vert", "Noir")),
            new Line(15, List.of("T-shirt « Café »", "Sweat Ørsted", "Tablier de cuisine", "Casquette Çà et là"),
                    "WEA", "size", List.of("S", "M", "L", "XL")));

    static final List<String> QUALIFIERS = List.of("", "", "", "Bio ", "Premium ", "Édition limitée – ", "Spezial ");

    /** First name and its ASCII form for e-mail addresses. */
    static final List<String[]> FIRST_NAMES = List.of(
            new String[] {"Ana", "ana"}, new String[] {"Zoë", "zoe"}, new String[] {"Jürgen", "juergen"},
            new String[] {"Søren", "soren"}, new String[] {"Łucja", "lucja"}, new String[] {"François", "francois"},
            new String[] {"Hiroshi", "hiroshi"}, new String[] {"Amélie", "amelie"}, new String[] {"Björn", "bjorn"},
            new String[] {"Chloé", "chloe"}, new String[] {"Mateo", "mateo"}, new String[] {"Noël", "noel"});

    static final List<String[]> LAST_NAMES = List.of(
            new String[] {"Lopez", "lopez"}, new String[] {"Müller", "mueller"},
            new String[] {"Østergaard", "ostergaard"}, new String[] {"Nováková", "novakova"},
            new String[] {"Dupont", "dupont"}, new String[] {"山田", "yamada"}, new String[] {"Lefèvre", "lefevre"},
            new String[] {"García", "garcia"}, new String[] {"Šimek", "simek"}, new String[] {"Jensen", "jensen"});

    /** Street, city, region, postcode, country, phone. */
    static final List<String[]> PLACES = List.of(
            new String[] {"12 Rue de la République", "Lyon", "Rhône", "69001", "FR", "+33 6 12 34 56 78"},
            new String[] {"3 Boulevard Voltaire", "Paris", "Paris", "75011", "FR", "+33 6 98 76 54 32"},
            new String[] {"Invalidenstraße 44", "Berlin", "Berlin", "10115", "DE", "+49 151 2345678"},
            new String[] {"Nørregade 7", "København", "Hovedstaden", "1050", "DK", "+45 20 12 34 56"},
            new String[] {"Václavské náměstí 1", "Praha", "Praha", "110 00", "CZ", "+420 601 123 456"},
            new String[] {"丸の内 1-1", "千代田区", "東京都", "100-0005", "JP", "+81 90 1234 5678"});

    /** Payment method codes. */
    static final List<String> PAYMENT_METHODS = List.of("checkmo", "banktransfer", "cashondelivery", "braintree");

    /** Order state and status, each pair repeated by its weight. */
    static final List<String[]> STATES = List.of(
            new String[] {"complete", "complete"}, new String[] {"complete", "complete"},
            new String[] {"complete", "complete"}, new String[] {"complete", "complete"},
            new String[] {"complete", "complete"}, new String[] {"complete", "complete"},
            new String[] {"processing", "processing"}, new String[] {"processing", "processing"},
            new String[] {"processing", "processing"}, new String[] {"new", "pending"},
            new String[] {"new", "pending"}, new String[] {"canceled", "canceled"},
            new String[] {"canceled", "canceled"}, new String[] {"holded", "holded"},
            new String[] {"closed", "closed"}, new String[] {"payment_review", "fraud"},
            new String[] {"pending_payment", "pending_payment"});
}
