package io.tributary.testkit.magento;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.http.QueryString;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The search keeps its rows sorted between requests while the table's version stands: what it selects must be what
 * filtering and then sorting selects, page for page, and a new version must see the rows as they are now.
 */
class MagentoSearchTest {

    private static final long START = 1_720_000_000L;

    /** A row with the two fields a keyset read filters and sorts on. */
    private static final class Row {
        final int id;
        long updatedAt;
        final String sku;

        Row(int id, long updatedAt, String sku) {
            this.id = id;
            this.updatedAt = updatedAt;
            this.sku = sku;
        }
    }

    private final MagentoSearch<Row> search = new MagentoSearch<Row>(row -> row.id)
            .field("updated_at", MagentoSearch.Type.TIME, row -> row.updatedAt)
            .field("sku", MagentoSearch.Type.TEXT, row -> row.sku);

    @Test
    void aKeysetReadSelectsWhatFilteringThenSortingSelects() {
        Random random = new Random(7);
        List<Row> rows = new ArrayList<>();
        for (int id = 1; id <= 2_000; id++) {
            rows.add(new Row(id, START + random.nextInt(600) * 60L, "SKU-" + id)); // many rows share a second
        }
        for (int step = 0; step < 100; step++) {
            Row cursor = rows.get(random.nextInt(rows.size()));
            MagentoSearchCriteria keyset = keysetAfter(cursor.updatedAt, cursor.id, 100);

            MagentoSearch.Result<Row> result = search.select(rows, 1, keyset);

            List<Row> expected = rows.stream()
                    .filter(row -> row.updatedAt > cursor.updatedAt
                            || row.updatedAt == cursor.updatedAt && row.id > cursor.id)
                    .sorted(Comparator.<Row>comparingLong(row -> row.updatedAt).thenComparingInt(row -> row.id))
                    .toList();
            assertThat(result.total()).isEqualTo(expected.size());
            assertThat(result.page()).containsExactlyElementsOf(expected.subList(0, Math.min(100, expected.size())));

            for (String condition : List.of("gteq", "gt")) { // the first read of a sync: a bound on the time alone
                MagentoSearchCriteria fromSecond = fromSecond(cursor.updatedAt, condition, 2 + step % 3);
                List<Row> fromExpected = rows.stream()
                        .filter(row -> condition.equals("gt") ? row.updatedAt > cursor.updatedAt
                                : row.updatedAt >= cursor.updatedAt)
                        .sorted(Comparator.<Row>comparingLong(row -> row.updatedAt).thenComparingInt(row -> row.id))
                        .toList();
                MagentoSearch.Result<Row> fromResult = search.select(rows, 1, fromSecond);
                int pageStart = Math.min((fromResult.servedPage() - 1) * 50, fromExpected.size());
                assertThat(fromResult.total()).isEqualTo(fromExpected.size());
                assertThat(fromResult.page()).containsExactlyElementsOf(
                        fromExpected.subList(pageStart, Math.min(pageStart + 50, fromExpected.size())));
            }
        }
    }

    /** The first read of a sync: page {@code currentPage} of the rows from a second on, sorted by updated_at. */
    private static MagentoSearchCriteria fromSecond(long second, String condition, int currentPage) {
        return criteria("searchCriteria[filter_groups][0][filters][0][field]=updated_at"
                + "&searchCriteria[filter_groups][0][filters][0][value]=" + time(second)
                + "&searchCriteria[filter_groups][0][filters][0][condition_type]=" + condition
                + "&searchCriteria[sortOrders][0][field]=updated_at&searchCriteria[sortOrders][0][direction]=ASC"
                + "&searchCriteria[pageSize]=50&searchCriteria[currentPage]=" + currentPage);
    }

    @Test
    void aNewVersionSortsTheRowsAsTheyAreNow() {
        List<Row> rows = List.of(new Row(1, START, "A"), new Row(2, START + 60, "B"), new Row(3, START + 120, "C"));
        MagentoSearchCriteria byUpdate = keysetAfter(START - 1, 0, 10);
        assertThat(search.select(rows, 1, byUpdate).page()).extracting(row -> row.id).containsExactly(1, 2, 3);

        rows.get(0).updatedAt = START + 180; // an edit, which bumps the catalogue's version

        assertThat(search.select(rows, 2, byUpdate).page()).extracting(row -> row.id).containsExactly(2, 3, 1);
    }

    @Test
    void anInListComparesAsEqDoes() {
        List<Row> rows = List.of(new Row(1, START, "Red-Shirt"), new Row(2, START, "blue-shirt"),
                new Row(3, START, "green"));
        MagentoSearchCriteria skuAndId = criteria("searchCriteria[filter_groups][0][filters][0][field]=sku"
                + "&searchCriteria[filter_groups][0][filters][0][value]=red-shirt,%20BLUE-SHIRT"
                + "&searchCriteria[filter_groups][0][filters][0][condition_type]=in"
                + "&searchCriteria[filter_groups][1][filters][0][field]=entity_id"
                + "&searchCriteria[filter_groups][1][filters][0][value]=1.0,2,3"
                + "&searchCriteria[filter_groups][1][filters][0][condition_type]=in");

        assertThat(search.select(rows, 1, skuAndId).page()).extracting(row -> row.id)
                .containsExactly(1, 2);
    }

    /** What the connector asks: page 1 of the rows after (second, id), sorted by updated_at then entity_id. */
    private static MagentoSearchCriteria keysetAfter(long second, int id, int pageSize) {
        return criteria("searchCriteria[filter_groups][0][filters][0][field]=updated_at"
                + "&searchCriteria[filter_groups][0][filters][0][value]=" + time(second)
                + "&searchCriteria[filter_groups][0][filters][0][condition_type]=gteq"
                + "&searchCriteria[filter_groups][1][filters][0][field]=updated_at"
                + "&searchCriteria[filter_groups][1][filters][0][value]=" + time(second)
                + "&searchCriteria[filter_groups][1][filters][0][condition_type]=gt"
                + "&searchCriteria[filter_groups][1][filters][1][field]=entity_id"
                + "&searchCriteria[filter_groups][1][filters][1][value]=" + id
                + "&searchCriteria[filter_groups][1][filters][1][condition_type]=gt"
                + "&searchCriteria[sortOrders][0][field]=updated_at&searchCriteria[sortOrders][0][direction]=ASC"
                + "&searchCriteria[sortOrders][1][field]=entity_id&searchCriteria[sortOrders][1][direction]=ASC"
                + "&searchCriteria[pageSize]=" + pageSize);
    }

    /** The criteria of a query string, parsed as the fake parses a request's. */
    private static MagentoSearchCriteria criteria(String rawQuery) {
        return MagentoSearchCriteria.parse(QueryString.parse(rawQuery));
    }

    private static String time(long second) {
        return MagentoJson.time(second).replace(" ", "%20");
    }
}
