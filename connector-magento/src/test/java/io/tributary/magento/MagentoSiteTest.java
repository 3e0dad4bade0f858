package io.tributary.magento;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The API URL as a shop admin pastes it, in every form Magento documents. */
class MagentoSiteTest {
    private static MagentoSite site(String url) {
        return MagentoSite.of(URI.create(url));
    }

    @Test
    void understandsTheFormsAdminsPaste() {
        assertThat(site("https://shop.example/rest/V1").apiBase()).hasToString("https://shop.example/rest/V1/");
        assertThat(site("https://shop.example/rest/V1/").storeCode()).isNull();
        assertThat(site("https://shop.example/index.php/rest/V1").apiBase())
                .hasToString("https://shop.example/index.php/rest/V1/");
        assertThat(site("https://shop.example/rest/default/V1").storeCode()).isEqualTo("default");
        assertThat(site("https://shop.example/shop/index.php/rest/fr_be/v1/").apiBase())
                .hasToString("https://shop.example/shop/index.php/rest/fr_be/V1/");
        assertThat(site("https://shop.example/rest/all").storeCode()).isEqualTo("all");
        assertThat(site("https://shop.example/rest").apiBase()).hasToString("https://shop.example/rest/V1/");
        assertThat(site("http://127.0.0.1:8080/rest/de/V1").endpoint("products").build())
                .hasToString("http://127.0.0.1:8080/rest/de/V1/products");
        assertThat(site("https://shop.example/rest/V1").storeLabel()).isEqualTo("default");
        assertThat(site("https://shop.example/rest/de/V1").display()).isEqualTo("https://shop.example/rest/de/V1");
    }

    @Test
    void explainsWhatIsWrongWithOtherUrls() {
        assertThatThrownBy(() -> site("https://shop.example/")).hasMessageContaining("append /rest/V1");
        assertThatThrownBy(() -> site("https://shop.example/rest/V1/products"))
                .hasMessageContaining("without an endpoint such as /products");
        assertThatThrownBy(() -> site("https://shop.example/rest/9lives/V1")).hasMessageContaining("not a Magento store code");
    }
}
