package io.tributary.apikey;

import java.util.List;
import java.util.Set;

/**
 * Who is calling the admin API: an active key, with what it may call and which stores it reaches.
 *
 * @param stores the store codes reached when {@code accessType} is {@code SELECTED_STORES}
 */
public record ApiCaller(long keyId, String keyName, AccessType accessType, Set<String> stores, List<String> methods) {
    public ApiCaller {
        stores = Set.copyOf(stores);
        methods = List.copyOf(methods);
    }

    public boolean may(String method) {
        return methods.contains(method);
    }

    /** Whether records of this store are visible to the caller (those of other stores behave as absent). */
    public boolean reaches(String storeCode) {
        return accessType == AccessType.ALL_STORES || stores.contains(storeCode);
    }
}
