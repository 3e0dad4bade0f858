package io.tributary.apikey;

import io.tributary.spi.Secret;

/** A key just created, with its token: the only time the token exists outside the client that receives it. */
public record CreatedApiKey(ApiKeyView key, Secret token) {}
