package io.tributary.testkit.woocommerce;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

/**
 * The rows of one post type with two time indexes. Ordering by date or modified walks an index,
 * narrowed by the date bounds, like MySQL with an index on {@code (post_modified, ID)}. Products
 * and posts-table orders sort on the local columns (WP_Query orders by {@code post_modified});
 * HPOS orders sort on {@code date_updated_gmt}. Not thread-safe: the catalogue locks around it.
 */
final class WooTable<T extends WooPost> {

    /** Local and GMT wall times never differ by more than this. */
    private static final long MAX_OFFSET = 18 * 3600;

    private final boolean sortByLocal;
    private final TreeMap<Integer, T> byId = new TreeMap<>();
    /** Variations by parent product, as WordPress's index on {@code post_parent}. */
    private final java.util.Map<Integer, java.util.TreeSet<Integer>> byParent = new java.util.HashMap<>();
    private final PostIndex byCreated = new PostIndex();
    private final PostIndex byModified = new PostIndex();

    WooTable(boolean sortByLocal) {
        this.sortByLocal = sortByLocal;
    }

    T get(int id) {
        return byId.get(id);
    }

    Collection<T> values() {
        return byId.values();
    }

    int size() {
        return byId.size();
    }

    /** Adds without sorting the indexes; {@link #finishBulkLoad()} must follow. */
    void bulkAdd(T post) {
        putId(post);
        byCreated.append(createdKey(post), post.id);
        byModified.append(modifiedKey(post), post.id);
    }

    void finishBulkLoad() {
        byCreated.sort();
        byModified.sort();
    }

    void add(T post) {
        putId(post);
        byCreated.add(createdKey(post), post.id);
        byModified.add(modifiedKey(post), post.id);
    }

    void remove(T post) {
        byId.remove(post.id);
        if (post instanceof WooVariation variation) {
            java.util.Set<Integer> siblings = byParent.get(variation.parentId);
            if (siblings != null) {
                siblings.remove(post.id);
            }
        }
        byCreated.remove(createdKey(post), post.id);
        byModified.remove(modifiedKey(post), post.id);
    }

    /** Runs a change of the post's times and keeps the indexes in step. */
    void retime(T post, Runnable change) {
        byModified.remove(modifiedKey(post), post.id);
        change.run();
        byModified.add(modifiedKey(post), post.id);
    }

    private void putId(T post) {
        if (byId.putIfAbsent(post.id, post) != null) {
            throw new IllegalStateException("duplicate post id " + post.id);
        }
        if (post instanceof WooVariation variation) {
            byParent.computeIfAbsent(variation.parentId, parent -> new java.util.TreeSet<>()).add(post.id);
        }
    }

    private long createdKey(T post) {
        return sortByLocal ? post.createdLocal : post.createdGmt;
    }

    private long modifiedKey(T post) {
        return sortByLocal ? post.modifiedLocal : post.modifiedGmt;
    }

    /** The ids selected, in the requested order. */
    int[] select(WooSelection selection) {
        Set<Integer> include = selection.include().isEmpty() ? null : new HashSet<>(selection.include());
        List<T> matched = new ArrayList<>();
        if (selection.parentId() != null) {
            return selectChildren(selection, include);
        }
        switch (selection.orderby()) {
            case "date" -> walk(byCreated, selection.after(), selection.before(), selection, include, matched);
            case "modified" -> walk(byModified, selection.modifiedAfter(), selection.modifiedBefore(), selection,
                    include, matched);
            case "id" -> (selection.ascending() ? byId.values() : byId.descendingMap().values()).forEach(post -> {
                if (matches(post, selection, include)) {
                    matched.add(post);
                }
            });
            case "include" -> {
                for (Integer id : new LinkedHashSet<>(selection.include())) {
                    T post = byId.get(id);
                    if (post != null && matches(post, selection, include)) {
                        matched.add(post);
                    }
                }
            }
            default -> {
                for (T post : byId.values()) {
                    if (matches(post, selection, include)) {
                        matched.add(post);
                    }
                }
                Comparator<T> order = comparator(selection.orderby()).thenComparingInt(post -> post.id);
                matched.sort(selection.ascending() ? order : order.reversed());
            }
        }
        return matched.stream().mapToInt(post -> post.id).toArray();
    }

    /**
     * What a {@linkplain WooSelection#isKeysetAfterModification() keyset selection} selects, cut from
     * {@code unbounded}, the ids the same selection selects without its {@code modified_after} bound (in index
     * order). A sync asks for a new bound on nearly every page; walking the index from each bound to its end made
     * reading a million-product shop quadratic. Equal to {@link #select} for the same selection.
     */
    int[] selectAfterModification(WooSelection selection, int[] unbounded) {
        long slack = selection.datesAreGmt() == !sortByLocal ? 0 : MAX_OFFSET;
        long lowest = selection.modifiedAfter() + 1 - slack; // below this index key no post can be after the bound
        long certain = selection.modifiedAfter() + 1 + slack; // from this index key every post is after it
        int from = firstWithModifiedKeyAtLeast(unbounded, lowest);
        int sure = firstWithModifiedKeyAtLeast(unbounded, certain);
        Set<Integer> include = selection.include().isEmpty() ? null : new HashSet<>(selection.include());
        int[] ids = new int[unbounded.length - from];
        int count = 0;
        for (int i = from; i < sure; i++) { // the posts whose other time column decides
            if (matches(byId.get(unbounded[i]), selection, include)) {
                ids[count++] = unbounded[i];
            }
        }
        System.arraycopy(unbounded, sure, ids, count, unbounded.length - sure);
        count += unbounded.length - sure;
        return count == ids.length ? ids : Arrays.copyOf(ids, count);
    }

    private int firstWithModifiedKeyAtLeast(int[] ids, long key) {
        int low = 0;
        int high = ids.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (modifiedKey(byId.get(ids[middle])) < key) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The variations of one product: only its own rows are looked at, sorted like an index walk would. */
    private int[] selectChildren(WooSelection selection, Set<Integer> include) {
        List<T> matched = new ArrayList<>();
        for (int id : byParent.getOrDefault(selection.parentId(), new java.util.TreeSet<>())) {
            T post = byId.get(id);
            if (matches(post, selection, include)) {
                matched.add(post);
            }
        }
        Comparator<T> order = switch (selection.orderby()) {
            case "date" -> Comparator.comparingLong(this::createdKey);
            case "modified" -> Comparator.comparingLong(this::modifiedKey);
            case "id", "include" -> Comparator.comparingInt(post -> 0);
            default -> comparator(selection.orderby());
        };
        order = order.thenComparingInt(post -> post.id);
        matched.sort(selection.ascending() ? order : order.reversed());
        return matched.stream().mapToInt(post -> post.id).toArray();
    }

    private void walk(PostIndex index, Long lowerExclusive, Long upperExclusive, WooSelection selection,
            Set<Integer> include, List<T> matched) {
        long slack = selection.datesAreGmt() == !sortByLocal ? 0 : MAX_OFFSET;
        int from = lowerExclusive == null ? 0 : index.firstAtOrAfter(lowerExclusive + 1 - slack);
        int to = upperExclusive == null ? index.size() : index.firstAtOrAfter(upperExclusive + slack);
        for (int i = 0; i < to - from; i++) {
            int position = selection.ascending() ? from + i : to - 1 - i;
            T post = byId.get(index.idAt(position));
            if (matches(post, selection, include)) {
                matched.add(post);
            }
        }
    }

    private Comparator<T> comparator(String orderby) {
        return switch (orderby) {
            case "title", "menu_order" -> Comparator.comparing(post -> post.title().toLowerCase(Locale.ROOT));
            case "slug" -> Comparator.comparing(WooPost::slug);
            case "price" -> Comparator.comparing(WooTable::price);
            case "popularity" -> Comparator.comparingInt(post -> post instanceof WooProduct p ? p.totalSales : 0);
            default -> Comparator.comparingInt(post -> 0);
        };
    }

    private static BigDecimal price(WooPost post) {
        if (post instanceof WooProduct product && product.activePrice() != null) {
            return product.activePrice();
        }
        if (post instanceof WooVariation variation && variation.activePrice() != null) {
            return variation.activePrice();
        }
        return BigDecimal.ZERO;
    }

    private static boolean matches(WooPost post, WooSelection s, Set<Integer> include) {
        if (s.statuses() == null ? "trash".equals(post.status) : !s.statuses().contains(post.status)) {
            return false;
        }
        if (s.excludedStatuses().contains(post.status)) {
            return false;
        }
        long created = s.datesAreGmt() ? post.createdGmt : post.createdLocal;
        long modified = s.datesAreGmt() ? post.modifiedGmt : post.modifiedLocal;
        if ((s.after() != null && created <= s.after()) || (s.before() != null && created >= s.before())
                || (s.modifiedAfter() != null && modified <= s.modifiedAfter())
                || (s.modifiedBefore() != null && modified >= s.modifiedBefore())) {
            return false;
        }
        if ((include != null && !include.contains(post.id)) || s.exclude().contains(post.id)
                || (s.slug() != null && !s.slug().equals(post.slug()))) {
            return false;
        }
        if (s.search() != null && !post.title().toLowerCase(Locale.ROOT).contains(s.search().toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (post instanceof WooProduct product) {
            return (s.skus().isEmpty() || s.skus().contains(product.sku))
                    && (s.type() == null || s.type().equals(product.type))
                    && (s.stockStatus() == null || s.stockStatus().equals(product.effectiveStockStatus()));
        }
        if (post instanceof WooVariation variation) {
            return (s.skus().isEmpty() || s.skus().contains(variation.sku))
                    && (s.parentId() == null || s.parentId() == variation.parentId)
                    && (s.stockStatus() == null || s.stockStatus().equals(variation.stockStatus));
        }
        if (post instanceof WooOrder order) {
            return s.customerId() == null || s.customerId() == order.customerId;
        }
        return true;
    }
}
