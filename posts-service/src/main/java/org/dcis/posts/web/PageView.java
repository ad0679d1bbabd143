package org.dcis.posts.web;

import java.util.List;

/** One page of a list, as every list of the suite answers (docs/conventions.md). */
public record PageView<T>(List<T> items, int page, int size, long total) {
}
