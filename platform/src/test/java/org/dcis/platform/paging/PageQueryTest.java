package org.dcis.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.dcis.platform.problem.InvalidParameter;
import org.dcis.platform.problem.Violation;
import org.junit.jupiter.api.Test;

class PageQueryTest {
    private static final Set<String> SORTABLE = Set.of("id", "openedOn");

    @Test
    void defaultsAndExplicitValues() {
        assertThat(PageQuery.of(null, null, null, SORTABLE, "id")).isEqualTo(new PageQuery(0, 20, "id", false));
        assertThat(PageQuery.of(2, 50, "openedOn,desc", SORTABLE, "id")).isEqualTo(new PageQuery(2, 50, "openedOn", true));
        assertThat(PageQuery.of(0, 200, " openedOn , ASC ", SORTABLE, "id").descending()).isFalse();
    }

    @Test
    void everyBadParameterIsA400NamingIt() {
        assertRefused(() -> PageQuery.of(-1, 20, null, SORTABLE, "id"), "page");
        assertRefused(() -> PageQuery.of(0, 0, null, SORTABLE, "id"), "size");
        assertRefused(() -> PageQuery.of(0, 201, null, SORTABLE, "id"), "size");
        assertRefused(() -> PageQuery.of(0, 20, "secret", SORTABLE, "id"), "sort");
        assertRefused(() -> PageQuery.of(0, 20, "id,sideways", SORTABLE, "id"), "sort");
        assertRefused(() -> PageQuery.of(0, 20, "id,desc,again", SORTABLE, "id"), "sort");
    }

    @Test
    void anEmptySortFieldIsRefusedNotACrash() {
        assertRefused(() -> PageQuery.of(0, 20, ",", SORTABLE, "id"), "sort");
        assertRefused(() -> PageQuery.of(0, 20, ",desc", SORTABLE, "id"), "sort");
    }

    @Test
    void pageTimesSizeNeverOverflows() {
        assertRefused(() -> PageQuery.of(20_000_000, 200, null, SORTABLE, "id"), "page");
        assertRefused(() -> PageQuery.of(Integer.MAX_VALUE, 200, null, SORTABLE, "id"), "page");
        assertThat(PageQuery.of(5_000, 200, null, SORTABLE, "id").page()).isEqualTo(5_000);
    }

    @Test
    void parametersAsTheClientSentThemAreNumbersOrA400NamingThem() {
        assertThat(PageQuery.parse("2", " 50 ", "openedOn", SORTABLE, "id")).isEqualTo(new PageQuery(2, 50, "openedOn", false));
        assertThat(PageQuery.parse(null, "", null, SORTABLE, "id")).isEqualTo(new PageQuery(0, 20, "id", false));
        assertRefused(() -> PageQuery.parse("abc", null, null, SORTABLE, "id"), "page");
        assertRefused(() -> PageQuery.parse("1.5", null, null, SORTABLE, "id"), "page");
        assertRefused(() -> PageQuery.parse("99999999999", null, null, SORTABLE, "id"), "page");
        assertRefused(() -> PageQuery.parse("9".repeat(40), null, null, SORTABLE, "id"), "page");
        assertRefused(() -> PageQuery.parse("20000000", "200", null, SORTABLE, "id"), "page");
        assertRefused(() -> PageQuery.parse("0", "99999999999", null, SORTABLE, "id"), "size");
        assertRefused(() -> PageQuery.parse("0", "ten", null, SORTABLE, "id"), "size");
        assertRefused(() -> PageQuery.parse("-1", "10", null, SORTABLE, "id"), "page");
    }

    private static void assertRefused(Runnable parse, String field) {
        assertThatThrownBy(parse::run).isInstanceOf(InvalidParameter.class)
                .satisfies(e -> assertThat(((InvalidParameter) e).violations()).extracting(Violation::field)
                        .containsExactly(field));
    }
}
