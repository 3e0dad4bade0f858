package io.tributary.woocommerce;

import io.tributary.spi.ConnectorProvider;
import io.tributary.testkit.contract.ConnectorContractTest;
import io.tributary.testkit.contract.ContractShop;

class WooCommerceContractTest extends ConnectorContractTest {
    @Override
    protected ConnectorProvider provider() {
        return new WooCommerceConnectorProvider();
    }

    @Override
    protected ContractShop startShop() {
        return FakeWooCommerceShop.start(600, 700);
    }
}
