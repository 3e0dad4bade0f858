package io.tributary.coopcycle;

import io.tributary.spi.ConnectorProvider;
import io.tributary.testkit.contract.ConnectorContractTest;
import io.tributary.testkit.contract.ContractShop;

class CoopCycleContractTest extends ConnectorContractTest {
    @Override
    protected ConnectorProvider provider() {
        return new CoopCycleConnectorProvider();
    }

    @Override
    protected ContractShop startShop() {
        return FakeCoopCycleShop.start(250);
    }
}
