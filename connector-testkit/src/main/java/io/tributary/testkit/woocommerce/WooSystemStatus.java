package io.tributary.testkit.woocommerce;

import static io.tributary.testkit.woocommerce.WooJson.NODES;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A trimmed {@code GET /wc/v3/system_status}. Note that the WooCommerce version is
 * {@code environment.version} (there is no {@code wc_version} field in the v2/v3 controller).
 */
final class WooSystemStatus {

    private WooSystemStatus() {
    }

    static ObjectNode document(WooSite site, WooCatalogue catalogue) {
        String home = site.homeUrl().substring(0, site.homeUrl().length() - 1);
        ObjectNode json = NODES.objectNode();
        ObjectNode environment = json.putObject("environment");
        environment.put("home_url", home);
        environment.put("site_url", home);
        environment.put("version", site.version().text());
        environment.put("log_directory", "/var/www/html/wp-content/uploads/wc-logs/");
        environment.put("log_directory_writable", true);
        environment.put("wp_version", "6.7.1");
        environment.put("wp_multisite", false);
        environment.put("wp_memory_limit", 268_435_456);
        environment.put("wp_debug_mode", false);
        environment.put("wp_cron", true);
        environment.put("language", "fr_FR");
        environment.put("external_object_cache", false);
        environment.put("server_info", "Apache/2.4.62 (Debian)");
        environment.put("php_version", "8.2.26");
        environment.put("php_post_max_size", 67_108_864);
        environment.put("php_max_execution_time", 30);
        environment.put("php_max_input_vars", 1000);
        environment.put("curl_version", "7.88.1, OpenSSL/3.0.15");
        environment.put("suhosin_installed", false);
        environment.put("max_upload_size", 67_108_864);
        environment.put("mysql_version", "10.11.6");
        environment.put("mysql_version_string", "10.11.6-MariaDB-0+deb12u1");
        environment.put("default_timezone", "UTC");
        environment.put("fsockopen_or_curl_enabled", true);
        environment.put("soapclient_enabled", false);
        environment.put("domdocument_enabled", true);
        environment.put("gzip_enabled", true);
        environment.put("mbstring_enabled", true);
        environment.putNull("remote_post_successful");
        environment.putNull("remote_post_response");
        environment.putNull("remote_get_successful");
        environment.putNull("remote_get_response");
        ObjectNode database = json.putObject("database");
        database.put("wc_database_version", site.version().text());
        database.put("database_prefix", "wp_");
        database.put("maxmind_geoip_database", "");
        json.putArray("active_plugins").addObject().put("plugin", "woocommerce/woocommerce.php").put("name", "WooCommerce")
                .put("version", site.version().text()).put("version_latest", site.version().text())
                .put("url", "https://woocommerce.com/").put("author_name", "Automattic")
                .put("author_url", "https://woocommerce.com").put("network_activated", false);
        json.putArray("inactive_plugins");
        json.putObject("theme").put("name", "Storefront").put("version", "4.6.0").put("is_child_theme", false)
                .put("has_woocommerce_support", true);
        ObjectNode settings = json.putObject("settings");
        settings.put("api_enabled", false);
        settings.put("force_ssl", false);
        settings.put("currency", "EUR");
        settings.put("currency_symbol", "&euro;");
        settings.put("currency_position", "right_space");
        settings.put("thousand_separator", " ");
        settings.put("decimal_separator", ",");
        settings.put("number_of_decimals", 2);
        settings.put("geolocation_enabled", false);
        settings.putObject("taxonomies").put("external", "external").put("grouped", "grouped").put("simple", "simple")
                .put("variable", "variable");
        settings.putObject("product_visibility_terms").put("exclude-from-catalog", "exclude-from-catalog")
                .put("exclude-from-search", "exclude-from-search").put("featured", "featured").put("outofstock", "outofstock");
        settings.put("woocommerce_com_connected", "no");
        json.putObject("security").put("secure_connection", site.homeUrl().startsWith("https")).put("hide_errors", true);
        json.putArray("pages");
        json.putArray("post_type_counts")
                .add(NODES.objectNode().put("type", "product").put("count", Integer.toString(catalogue.products().size())))
                .add(NODES.objectNode().put("type", "product_variation")
                        .put("count", Integer.toString(catalogue.variations().size())))
                .add(NODES.objectNode().put("type", "shop_order_placehold")
                        .put("count", Integer.toString(catalogue.orders().size())));
        return json;
    }
}
