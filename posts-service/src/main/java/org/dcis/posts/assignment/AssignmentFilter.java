package org.dcis.posts.assignment;

import org.dcis.posts.theme.Theme;

/** Filters of the assignment list; null means "any". */
public record AssignmentFilter(String postId, String officerId, String country, String continent, Force force,
        OfficerRole role, Theme theme, Boolean current, String text) {
}
