package io.tributary.shopify;

import io.tributary.spi.ConnectorProvider;
import io.tributary.testkit.contract.ConnectorContractTest;
import io.tributary.testkit.contract.ContractShop;

/** The shared connector contract, with an admin-created custom app's access token. */
class ShopifyContractTest extends ConnectorContractTest {
    @Override
    protected ConnectorProvider provider() {
        return new ShopifyConnectorProvider();
    }

    @Override
    protected ContractShop startShop() {
        return FakeShopifyShop.start(40, 60, ShopifyAuthMode.TOKEN);
    }
}
