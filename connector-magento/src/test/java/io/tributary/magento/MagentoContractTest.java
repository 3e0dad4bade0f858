package io.tributary.magento;

import io.tributary.spi.ConnectorProvider;
import io.tributary.testkit.contract.ConnectorContractTest;
import io.tributary.testkit.contract.ContractShop;

/** The shared connector contract, with an integration signing with OAuth 1.0a (the recommended mode). */
class MagentoContractTest extends ConnectorContractTest {
    @Override
    protected ConnectorProvider provider() {
        return new MagentoConnectorProvider();
    }

    @Override
    protected ContractShop startShop() {
        return FakeMagentoShop.start(300, 320, MagentoAuthMode.INTEGRATION);
    }
}
