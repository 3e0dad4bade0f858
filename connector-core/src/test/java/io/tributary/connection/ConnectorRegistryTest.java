package io.tributary.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.testing.ScriptedConnectorProvider;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectorRegistryTest {
    @Test
    void findsPluginsThroughServiceLoader() {
        ConnectorRegistry registry = ConnectorRegistry.load();
        assertThat(registry.require("scripted")).isInstanceOf(ScriptedConnectorProvider.class);
        assertThatThrownBy(() -> registry.require("shopify")).hasMessage("Unknown system 'shopify'; known systems: scripted, scripted-products, scripted-unlisted, scripted-customers.");
    }

    @Test
    void twoPluginsWithOneIdAreAStartupError() {
        assertThatThrownBy(() -> ConnectorRegistry.of(List.of(new ScriptedConnectorProvider(),
                new ScriptedConnectorProvider())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Two connector plugins claim the system id 'scripted'");
        assertThatThrownBy(() -> ConnectorRegistry.of(List.of())).hasMessageContaining("No connector plugins");
    }
}
