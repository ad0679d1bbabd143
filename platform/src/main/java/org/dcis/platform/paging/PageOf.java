package org.dcis.platform.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a list, as the list conventions describe it. */
public record PageOf<T>(List<T> items, int page, int size, long total) {
    public <R> PageOf<R> map(Function<T, R> mapper) {
        return new PageOf<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
