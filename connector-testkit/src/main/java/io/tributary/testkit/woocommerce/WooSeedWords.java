package io.tributary.testkit.woocommerce;

import java.util.List;

/** Word lists for the seeded shop: names in several scripts, so encodings get exercised. */
final class WooSeedWords {

    private WooSeedWords() {
    }

    /** A product line: category, base names, SKU prefix, and the attribute its variable products vary on. */
    record Line(WooCategory category, List<String> names, String skuPrefix, String attribute, List<String> options) {
    }

    static final WooCategory UNCATEGORIZED = new WooCategory(15, "Uncategorized", "uncategorized");

    static final List<Line> LINES = List.of(
            new Line(new WooCategory(16, "Thé", "the"),
                    List.of("Grüner Tee", "日本茶 Sencha", "Earl Grey", "Rooibos & vanille", "Thé à la menthe", "Matcha 抹茶"),
                    "TEA", "Poids", List.of("100 g", "250 g", "500 g", "1 kg")),
            new Line(new WooCategory(17, "Café", "cafe"),
                    List.of("Café crème 250 g", "Espresso Napoli", "Kaffee Hausmischung", "Café de Colombia", "Ristretto"),
                    "CAF", "Mouture", List.of("Grains", "Filtre", "Espresso", "Piston")),
            new Line(new WooCategory(18, "Épicerie fine", "epicerie-fine"),
                    List.of("Smørrebrød", "Crème brûlée", "Pão de queijo", "Chocolat noir 70 %", "Miel de châtaignier",
                            "Açaí"),
                    "EPI", "Format", List.of("Petit", "Moyen", "Grand", "Familial")),
            new Line(new WooCategory(19, "Vaisselle", "vaisselle"),
                    List.of("Žlutá konvice", "Blue mug", "Tasse à café", "Teekanne Gußeisen", "Bol en grès"),
                    "VAI", "Couleur", List.of("Rouge", "Bleu", "Vert", "Noir")),
            new Line(new WooCategory(20, "Vêtements", "vetements"),
                    List.of("T-shirt « Café »", "Sweat Ørsted", "Tablier de cuisine", "Casquette Çà et là"),
                    "VET", "Taille", List.of("S", "M", "L", "XL")));

    static final List<String> QUALIFIERS = List.of("", "", "", "Bio ", "Premium ", "Classique ", "Édition limitée – ",
            "Spezial ");

    /** First name and its ASCII form for e-mail addresses. */
    static final List<String[]> FIRST_NAMES = List.of(
            new String[] {"Ana", "ana"}, new String[] {"Zoë", "zoe"}, new String[] {"Jürgen", "juergen"},
            new String[] {"Søren", "soren"}, new String[] {"Łucja", "lucja"}, new String[] {"François", "francois"},
            new String[] {"Hiroshi", "hiroshi"}, new String[] {"Amélie", "amelie"}, new String[] {"Björn", "bjorn"},
            new String[] {"Chloé", "chloe"}, new String[] {"Mateo", "mateo"}, new String[] {"Ingrid", "ingrid"},
            new String[] {"Kenji", "kenji"}, new String[] {"Margaux", "margaux"}, new String[] {"Noël", "noel"});

    static final List<String[]> LAST_NAMES = List.of(
            new String[] {"Lopez", "lopez"}, new String[] {"Müller", "mueller"},
            new String[] {"Østergaard", "ostergaard"}, new String[] {"Nováková", "novakova"},
            new String[] {"Dupont", "dupont"}, new String[] {"山田", "yamada"}, new String[] {"Lefèvre", "lefevre"},
            new String[] {"García", "garcia"}, new String[] {"Šimek", "simek"}, new String[] {"Jensen", "jensen"},
            new String[] {"Bernard", "bernard"}, new String[] {"Kowalski", "kowalski"});

    /** Street, city, state, postcode, country, phone prefix. */
    static final List<String[]> PLACES = List.of(
            new String[] {"Rue de la République", "Lyon", "", "69001", "FR", "+33 6"},
            new String[] {"Boulevard Voltaire", "Paris", "", "75011", "FR", "+33 6"},
            new String[] {"Invalidenstraße", "Berlin", "", "10115", "DE", "+49 151"},
            new String[] {"Nørregade", "København", "", "1050", "DK", "+45 20"},
            new String[] {"Václavské náměstí", "Praha", "", "110 00", "CZ", "+420 601"},
            new String[] {"丸の内", "千代田区", "JP13", "100-0005", "JP", "+81 90"},
            new String[] {"Calle Sierpes", "Sevilla", "SE", "41004", "ES", "+34 612"},
            new String[] {"Rue Neuve", "Bruxelles", "", "1000", "BE", "+32 470"},
            new String[] {"Rue du Mont-Blanc", "Genève", "GE", "1201", "CH", "+41 79"});

    /** Method id and title. */
    static final List<String[]> PAYMENT_METHODS = List.of(
            new String[] {"bacs", "Virement bancaire"}, new String[] {"stripe", "Carte bancaire (Stripe)"},
            new String[] {"cod", "Paiement à la livraison"}, new String[] {"paypal", "PayPal"});

    /** Order statuses, each repeated by its weight. */
    static final List<String> ORDER_STATUSES = List.of(
            "completed", "completed", "completed", "completed", "completed", "completed", "completed", "completed",
            "completed", "processing", "processing", "processing", "processing", "on-hold", "pending", "pending",
            "cancelled", "cancelled", "refunded", "failed");
}
