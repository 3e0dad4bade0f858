package io.tributary.testkit.magento;

import io.tributary.testkit.http.FakeResponse;

/** The HTML the fake shop answers outside {@code /rest}: the storefront, its 404 page, and a portal page. */
final class MagentoPages {

    private static final String HTML = "text/html; charset=UTF-8";

    private MagentoPages() {
    }

    static FakeResponse home(String shopName) {
        return FakeResponse.text(200, HTML, "<!doctype html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\">"
                + "<title>" + shopName + "</title><script type=\"text/x-magento-init\">{}</script></head>"
                + "<body class=\"cms-index-index\"><h1>" + shopName + "</h1></body></html>");
    }

    static FakeResponse notFound() {
        return FakeResponse.text(404, HTML, "<!doctype html>\n<html><head><title>404 Not Found</title></head>"
                + "<body class=\"cms-no-route\"><h1>Whoops, our bad...</h1></body></html>");
    }

    static FakeResponse portal() {
        return FakeResponse.text(200, HTML, "<!DOCTYPE html><html><head><title>Sign in to continue</title></head>"
                + "<body><form method=\"post\"><input name=\"login\"></form></body></html>");
    }
}
