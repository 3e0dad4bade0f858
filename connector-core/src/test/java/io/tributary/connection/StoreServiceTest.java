package io.tributary.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.schedule.ScheduleService;
import io.tributary.secret.MasterKey;
import io.tributary.secret.SecretCipher;
import io.tributary.spi.CredentialField;
import io.tributary.store.InvalidInputException;
import io.tributary.store.NotFoundException;
import io.tributary.testing.TestDatabase;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StoreServiceTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void addListRenameAndConnectionsBelongToOneStore(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend)) {
            StoreService stores = new StoreService(database.store(), Clock.systemUTC());
            assertThat(stores.list()).extracting(StoreView::code).containsExactly("default");

            StoreView acme = stores.add("acme", "Acme Retail");
            assertThat(acme.name()).isEqualTo("Acme Retail");
            assertThatThrownBy(() -> stores.add("acme", "Again")).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("already exists");
            assertThatThrownBy(() -> stores.add("no spaces", "x")).isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).problems().get(0).field()).isEqualTo("store"));
            assertThatThrownBy(() -> stores.add("b", " ")).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("name is required");

            ConnectionService connections = new ConnectionService(database.store(), ConnectorRegistry.load(),
                    new SecretCipher(MasterKey.generate("test")), Clock.systemUTC(),
                    ScheduleService.defaults(ZoneId.systemDefault(), Clock.systemUTC()));
            connections.add(new ConnectionDraft("scripted", "Shop", "https://shop.example/api", "acme",
                    Map.of(CredentialField.ACCESS_TOKEN, "tok_7f3a9c2e1b", CredentialField.SECRET, "sec_c0ffee15bad")));
            // an unknown code still creates the store, named as its code (what scripts written before stores rely on)
            connections.add(new ConnectionDraft("scripted", "Other", "https://shop.example/api", "newco",
                    Map.of(CredentialField.ACCESS_TOKEN, "tok_7f3a9c2e1b", CredentialField.SECRET, "sec_c0ffee15bad")));

            assertThat(stores.rename("acme", "Acme Group").name()).isEqualTo("Acme Group");
            assertThat(stores.show("acme").connections()).isEqualTo(1);
            assertThat(stores.list()).extracting(StoreView::code, StoreView::name)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("acme", "Acme Group"),
                            org.assertj.core.groups.Tuple.tuple("default", "Default store"),
                            org.assertj.core.groups.Tuple.tuple("newco", "newco"));
            assertThat(connections.list(null, "acme", null)).extracting(ConnectionView::name).containsExactly("Shop");
            assertThatThrownBy(() -> stores.rename("nope", "x")).isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("'nope'");
            assertThat(stores.exists("acme")).isTrue();
            assertThat(stores.exists("nope")).isFalse();
        }
    }
}
