package org.dcis.posts.post;

import org.dcis.posts.theme.Theme;

/** Filters of the post list; null means "any". */
public record PostFilter(String country, String continent, PostStatus status, Theme theme, String text) {
}
