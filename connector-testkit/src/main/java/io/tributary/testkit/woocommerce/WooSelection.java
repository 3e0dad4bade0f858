package io.tributary.testkit.woocommerce;

import java.util.List;
import java.util.Set;

/**
 * What a collection request selects and how it orders it, without the paging: equal selections
 * give equal results, so a page walk can reuse one result until the catalogue changes. Dates are
 * wall-clock seconds in the basis {@code datesAreGmt} names (see {@link WooTime}); null means no bound.
 *
 * @param statuses the statuses to keep; null for {@code any}, which leaves out {@code trash}
 */
record WooSelection(String orderby, boolean ascending, boolean datesAreGmt, Long after, Long before,
        Long modifiedAfter, Long modifiedBefore, Set<String> statuses, Set<String> excludedStatuses,
        List<Integer> include, Set<Integer> exclude, Set<String> skus, String search, String type,
        String stockStatus, Integer parentId, Integer customerId, String slug) {

    /** This selection with its dates compared as local times, whatever {@code dates_are_gmt} said. */
    WooSelection local() {
        return new WooSelection(orderby, ascending, false, after, before, modifiedAfter, modifiedBefore,
                statuses, excludedStatuses, include, exclude, skus, search, type, stockStatus, parentId, customerId, slug);
    }

    /** This selection without its {@code modified_after} bound. */
    WooSelection withoutModifiedAfter() {
        return new WooSelection(orderby, ascending, datesAreGmt, after, before, null, modifiedBefore,
                statuses, excludedStatuses, include, exclude, skus, search, type, stockStatus, parentId, customerId, slug);
    }

    /**
     * Whether this is a keyset page walk: modification order, ascending, from a {@code modified_after} bound. Its
     * result is a tail of what the same selection without the bound selects.
     */
    boolean isKeysetAfterModification() {
        return "modified".equals(orderby) && ascending && modifiedAfter != null && parentId == null;
    }

    WooSelection withParent(int parent) {
        return new WooSelection(orderby, ascending, datesAreGmt, after, before, modifiedAfter, modifiedBefore,
                statuses, excludedStatuses, include, exclude, skus, search, type, stockStatus, parent, customerId, slug);
    }
}
