package io.tributary.magento;

import io.tributary.spi.ConnectorProvider;
import io.tributary.testkit.contract.ConnectorContractTest;
import io.tributary.testkit.contract.ContractShop;

/** The shared connector contract again, signed in as an admin user (token, kept and renewed per connector). */
class MagentoAdminContractTest extends ConnectorContractTest {
    @Override
    protected ConnectorProvider provider() {
        return new MagentoConnectorProvider();
    }

    @Override
    protected ContractShop startShop() {
        return FakeMagentoShop.start(120, 120, MagentoAuthMode.ADMIN);
    }
}
