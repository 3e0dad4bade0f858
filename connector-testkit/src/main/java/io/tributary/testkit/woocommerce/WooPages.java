package io.tributary.testkit.woocommerce;

import io.tributary.testkit.http.FakeResponse;

/** The HTML a WordPress site answers outside the REST API. */
final class WooPages {

    private static final String HTML = "text/html; charset=UTF-8";
    static final String SITE_NAME = "Tributary Fake Shop";

    private WooPages() {
    }

    /** wp-login.php, for a site that sends every request to its login page ("this is not WooCommerce"). */
    static FakeResponse loginPage(String home) {
        return FakeResponse.text(200, HTML, "<!DOCTYPE html>\n<html lang=\"fr-FR\">\n<head>\n<meta charset=\"UTF-8\">\n"
                + "<title>Se connecter &lsaquo; " + SITE_NAME + " &#8212; WordPress</title>\n"
                + "<meta name='robots' content='max-image-preview:large, noindex, noarchive' />\n</head>\n"
                + "<body class=\"login no-js login-action-login wp-core-ui  locale-fr-fr\">\n<div id=\"login\">\n"
                + "<h1><a href=\"https://fr.wordpress.org/\">Propulsé par WordPress</a></h1>\n"
                + "<form name=\"loginform\" id=\"loginform\" action=\"" + home + "wp-login.php\" method=\"post\">\n"
                + "<p><label for=\"user_login\">Identifiant ou adresse e-mail</label>\n"
                + "<input type=\"text\" name=\"log\" id=\"user_login\" class=\"input\" value=\"\" size=\"20\" /></p>\n"
                + "<div class=\"user-pass-wrap\"><label for=\"user_pass\">Mot de passe</label>\n"
                + "<input type=\"password\" name=\"pwd\" id=\"user_pass\" class=\"input password-input\" value=\"\" size=\"20\" /></div>\n"
                + "<p class=\"submit\"><input type=\"submit\" name=\"wp-submit\" id=\"wp-submit\" "
                + "class=\"button button-primary button-large\" value=\"Se connecter\" /></p>\n"
                + "</form>\n</div>\n</body>\n</html>\n");
    }

    static FakeResponse home(String home) {
        return FakeResponse.text(200, HTML, "<!DOCTYPE html>\n<html lang=\"fr-FR\">\n<head>\n<meta charset=\"UTF-8\">\n"
                + "<title>" + SITE_NAME + "</title>\n<link rel=\"https://api.w.org/\" href=\"" + home + "wp-json/\" />\n"
                + "</head>\n<body class=\"home woocommerce-page\">\n<h1>" + SITE_NAME + "</h1>\n</body>\n</html>\n")
                .withHeader("Link", "<" + home + "wp-json/>; rel=\"https://api.w.org/\"");
    }

    static FakeResponse notFound() {
        return FakeResponse.text(404, HTML, "<!DOCTYPE html>\n<html lang=\"fr-FR\">\n<head>\n<meta charset=\"UTF-8\">\n"
                + "<title>Page non trouvée &#8211; " + SITE_NAME + "</title>\n</head>\n"
                + "<body class=\"error404\">\n<h1>Oups ! Cette page est introuvable.</h1>\n</body>\n</html>\n");
    }
}
