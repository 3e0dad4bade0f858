package io.tributary.testkit.magento;

/** A store view: the code used in {@code /rest/<code>/V1}, and what {@code store/storeConfigs} tells about it. */
record MagentoStore(int id, String code, String name, int websiteId, String locale, String currency, String timezone) {
}
