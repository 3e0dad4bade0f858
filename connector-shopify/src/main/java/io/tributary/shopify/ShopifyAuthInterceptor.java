package io.tributary.shopify;

import static java.util.Objects.requireNonNull;

import io.tributary.spi.Secret;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Puts the access token in {@code X-Shopify-Access-Token} on requests to the shop's Admin API — and only there: a
 * bulk result's download URL points at a storage host that must never see the token, and the token request itself
 * (tagged {@link ShopifyTokens.Mint}) goes out bare. {@link ShopifyClient} makes sure a token exists first.
 */
final class ShopifyAuthInterceptor implements Interceptor {
    static final String HEADER = "X-Shopify-Access-Token";
    private final ShopifyShop shop;
    private final ShopifyTokens tokens;

    ShopifyAuthInterceptor(ShopifyShop shop, ShopifyTokens tokens) {
        this.shop = requireNonNull(shop, "shop is null");
        this.tokens = requireNonNull(tokens, "tokens is null");
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        boolean adminApi = request.url().host().equals(shop.origin().host())
                && request.url().port() == shop.origin().port() && request.url().encodedPath().startsWith("/admin/api/");
        if (!adminApi || request.tag(ShopifyTokens.Mint.class) != null) {
            return chain.proceed(request);
        }
        Secret token = tokens.usable();
        if (token == null) {
            throw new IllegalStateException("no access token: mint one before sending " + request.url().encodedPath());
        }
        return chain.proceed(request.newBuilder().header(HEADER, token.reveal()).build());
    }
}
