package io.tributary.testkit.woocommerce;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One query argument of a {@code wc/v3} route, as registered in its JSON schema. The same list
 * feeds the namespace index and the validation of requests, so they cannot disagree.
 *
 * @param since the WooCommerce version that added it; older versions neither list nor honour it
 */
record WooParamSpec(String name, String type, String description, Object defaultValue, List<String> enumValues,
        Integer minimum, Integer maximum, String format, String itemsType, String since) {

    static final List<String> PRODUCT_ORDERBY = List.of("date", "id", "include", "title", "slug", "modified", "price",
            "popularity", "rating", "menu_order");
    static final List<String> ORDER_ORDERBY = List.of("date", "id", "include", "title", "slug", "modified");
    static final List<String> POST_STATUSES = List.of("any", "future", "trash", "draft", "pending", "private", "publish");
    static final List<String> ORDER_STATUSES = List.of("any", "trash", "pending", "processing", "on-hold", "completed",
            "cancelled", "refunded", "failed", "checkout-draft");

    static WooParamSpec string(String name, String description) {
        return new WooParamSpec(name, "string", description, null, List.of(), null, null, null, null, null);
    }

    static WooParamSpec choice(String name, String description, String defaultValue, List<String> values) {
        return new WooParamSpec(name, "string", description, defaultValue, values, null, null, null, null, null);
    }

    static WooParamSpec integer(String name, String description, Integer defaultValue, Integer minimum, Integer maximum) {
        return new WooParamSpec(name, "integer", description, defaultValue, List.of(), minimum, maximum, null, null, null);
    }

    static WooParamSpec dateTime(String name, String description, String since) {
        return new WooParamSpec(name, "string", description, null, List.of(), null, null, "date-time", null, since);
    }

    static WooParamSpec ids(String name, String description) {
        return new WooParamSpec(name, "array", description, List.of(), List.of(), null, null, null, "integer", null);
    }

    static WooParamSpec choices(String name, String description, Object defaultValue, List<String> values) {
        return new WooParamSpec(name, "array", description, defaultValue, values, null, null, null, "string", null);
    }

    static WooParamSpec bool(String name, String description, Boolean defaultValue, String since) {
        return new WooParamSpec(name, "boolean", description, defaultValue, List.of(), null, null, null, null, since);
    }

    private static List<WooParamSpec> common(List<String> orderby) {
        List<WooParamSpec> specs = new ArrayList<>();
        specs.add(choice("context", "Scope under which the request is made; determines fields present in response.",
                "view", List.of("view", "edit")));
        specs.add(integer("page", "Current page of the collection.", 1, 1, null));
        specs.add(integer("per_page", "Maximum number of items to be returned in result set.", 10, 1, 100));
        specs.add(string("search", "Limit results to those matching a string."));
        specs.add(dateTime("after", "Limit response to resources published after a given ISO8601 compliant date.", null));
        specs.add(dateTime("before", "Limit response to resources published before a given ISO8601 compliant date.", null));
        specs.add(dateTime("modified_after", "Limit response to resources modified after a given ISO8601 compliant date.",
                "5.8"));
        specs.add(dateTime("modified_before",
                "Limit response to resources modified before a given ISO8601 compliant date.", "5.8"));
        specs.add(bool("dates_are_gmt",
                "Whether to consider GMT post dates when limiting response by published or modified date.", false, "5.4"));
        specs.add(ids("exclude", "Ensure result set excludes specific IDs."));
        specs.add(ids("include", "Limit result set to specific ids."));
        specs.add(integer("offset", "Offset the result set by a specific number of items.", null, null, null));
        specs.add(choice("order", "Order sort attribute ascending or descending.", "desc", List.of("asc", "desc")));
        specs.add(choice("orderby", "Sort collection by object attribute.", "date", orderby));
        return specs;
    }

    static List<WooParamSpec> products() {
        List<WooParamSpec> specs = common(PRODUCT_ORDERBY);
        specs.add(string("slug", "Limit result set to products with a specific slug."));
        specs.add(choice("status", "Limit result set to products assigned a specific status.", "any", POST_STATUSES));
        specs.add(choices("include_status", "Limit result set to products with any of the specified statuses.", null,
                POST_STATUSES.subList(1, POST_STATUSES.size())));
        specs.add(choices("exclude_status", "Exclude products from result set with any of the specified statuses.", null,
                POST_STATUSES.subList(1, POST_STATUSES.size())));
        specs.add(choice("type", "Limit result set to products assigned a specific type.", null,
                List.of("simple", "grouped", "external", "variable")));
        specs.add(string("sku", "Limit result set to products with specific SKU(s). Use commas to separate."));
        specs.add(choice("stock_status", "Limit result set to products with specified stock status.", null,
                List.of("instock", "outofstock", "onbackorder")));
        return specs;
    }

    static List<WooParamSpec> variations() {
        List<WooParamSpec> specs = common(PRODUCT_ORDERBY);
        specs.add(string("slug", "Limit result set to products with a specific slug."));
        specs.add(choice("status", "Limit result set to products assigned a specific status.", "any", POST_STATUSES));
        specs.add(string("sku", "Limit result set to products with specific SKU(s). Use commas to separate."));
        specs.add(choice("stock_status", "Limit result set to products with specified stock status.", null,
                List.of("instock", "outofstock", "onbackorder")));
        return specs;
    }

    static List<WooParamSpec> orders() {
        List<WooParamSpec> specs = common(ORDER_ORDERBY);
        specs.add(choices("status", "Limit result set to orders which have specific statuses.", "any", ORDER_STATUSES));
        specs.add(integer("customer", "Limit result set to orders assigned a specific customer.", null, null, null));
        specs.add(integer("dp", "Number of decimal points to use in each resource.", 2, null, null));
        return specs;
    }

    static final List<String> CUSTOMER_ORDERBY = List.of("id", "include", "name", "registered_date");

    /**
     * WC_REST_Customers_Controller::get_collection_params: no date filters at all (no {@code after}, no
     * {@code modified_after}: WooCommerce issue 41371), {@code orderby} by name by default, ascending.
     */
    static List<WooParamSpec> customers() {
        List<WooParamSpec> specs = new ArrayList<>();
        specs.add(choice("context", "Scope under which the request is made; determines fields present in response.",
                "view", List.of("view", "edit")));
        specs.add(integer("page", "Current page of the collection.", 1, 1, null));
        specs.add(integer("per_page", "Maximum number of items to be returned in result set.", 10, 1, 100));
        specs.add(string("search", "Limit results to those matching a string."));
        specs.add(ids("exclude", "Ensure result set excludes specific IDs."));
        specs.add(ids("include", "Limit result set to specific IDs."));
        specs.add(integer("offset", "Offset the result set by a specific number of items.", null, null, null));
        specs.add(choice("order", "Order sort attribute ascending or descending.", "asc", List.of("asc", "desc")));
        specs.add(choice("orderby", "Sort collection by object attribute.", "name", CUSTOMER_ORDERBY));
        specs.add(string("email", "Limit result set to resources with a specific email."));
        specs.add(choice("role", "Limit result set to resources with a specific role.", "customer",
                List.of("all", "administrator", "editor", "author", "contributor", "subscriber", "customer",
                        "shop_manager")));
        return specs;
    }

    boolean availableIn(WooVersion version) {
        return since == null || version.atLeast(since);
    }

    /** The argument as WordPress lists it in a route's {@code endpoints[].args}. */
    ObjectNode toJson() {
        ObjectNode json = WooJson.NODES.objectNode();
        json.put("description", description);
        json.put("type", type);
        if (format != null) {
            json.put("format", format);
        }
        if (defaultValue instanceof String s) {
            json.put("default", s);
        } else if (defaultValue instanceof Integer i) {
            json.put("default", i);
        } else if (defaultValue instanceof Boolean b) {
            json.put("default", b);
        } else if (defaultValue instanceof List<?>) {
            json.putArray("default");
        }
        if (itemsType != null) {
            ObjectNode items = json.putObject("items").put("type", itemsType);
            if (!enumValues.isEmpty()) {
                enumValues.forEach(items.putArray("enum")::add);
            }
        } else if (!enumValues.isEmpty()) {
            ArrayNode values = json.putArray("enum");
            enumValues.forEach(values::add);
        }
        if (minimum != null) {
            json.put("minimum", minimum);
        }
        if (maximum != null) {
            json.put("maximum", maximum);
        }
        json.put("required", false);
        return json;
    }
}
