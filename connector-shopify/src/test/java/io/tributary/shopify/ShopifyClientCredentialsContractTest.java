package io.tributary.shopify;

import io.tributary.spi.ConnectorProvider;
import io.tributary.testkit.contract.ConnectorContractTest;
import io.tributary.testkit.contract.ContractShop;

/** The shared connector contract, with a Dev Dashboard app's client ID and secret. */
class ShopifyClientCredentialsContractTest extends ConnectorContractTest {
    @Override
    protected ConnectorProvider provider() {
        return new ShopifyConnectorProvider();
    }

    @Override
    protected ContractShop startShop() {
        return FakeShopifyShop.start(40, 60, ShopifyAuthMode.CLIENT_CREDENTIALS);
    }
}
