package org.dcis.platform.paging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/**
 * The filters of a list as one JPQL condition with named parameters. An absent filter (null, blank, empty)
 * adds nothing, so a resource passes every parameter it got and the list narrows only where asked.
 * Values are always bound parameters, never text in the query.
 */
public final class Filter {
    private final List<String> where = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    public static Filter where() {
        return new Filter();
    }

    /** {@code attribute = :value} when a value is given. */
    public Filter eq(String attribute, Object value) {
        return when(value, attribute + " = :" + param(attribute), param(attribute), value);
    }

    /** Any JPQL condition using one named parameter, added only when the value is given. */
    public Filter when(Object value, String condition, String param, Object bound) {
        if (present(value)) {
            where.add(condition);
            params.put(param, bound);
        }
        return this;
    }

    /** A condition with no parameter, added when asked. */
    public Filter when(boolean applies, String condition) {
        if (applies) {
            where.add(condition);
        }
        return this;
    }

    /** Any JPQL condition with several named parameters, added as given. */
    public Filter and(String condition, Map<String, Object> bound) {
        where.add(condition);
        params.putAll(bound);
        return this;
    }

    public String query() {
        return String.join(" and ", where);
    }

    public Map<String, Object> params() {
        return Map.copyOf(params);
    }

    /** Runs the filter with the page's sort and bounds: one query for the page, one for the total. */
    public <E> PageOf<E> page(PanacheRepositoryBase<E, ?> repository, PageQuery page, Sort sort) {
        PanacheQuery<E> query = where.isEmpty() ? repository.findAll(sort) : repository.find(query(), sort, params);
        List<E> items = query.page(Page.of(page.page(), page.size())).list();
        return new PageOf<>(items, page.page(), page.size(), query.count());
    }

    /** Every match, in order: for small bounded lists that need no paging. */
    public <E> List<E> list(PanacheRepositoryBase<E, ?> repository, Sort sort) {
        return where.isEmpty() ? repository.listAll(sort) : repository.list(query(), sort, params);
    }

    private static String param(String attribute) {
        return attribute.replace('.', '_');
    }

    private static boolean present(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof String text) {
            return !text.isBlank();
        }
        if (value instanceof Collection<?> values) {
            return !values.isEmpty();
        }
        return true;
    }
}
