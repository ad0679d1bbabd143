package org.dcis.cooperation.cases;

import java.util.Map;

import org.dcis.platform.paging.Filter;
import org.dcis.platform.problem.AccessDenied;
import org.dcis.platform.security.Caller;

/**
 * Who may read and write cases (and the actions logged on them), on the platform's {@link Caller}: officers
 * read every {@code INTERNAL} case and the {@code RESTRICTED} ones of their own post, HQ analysts read
 * everything, nobody else reads anything; only officers of the lead post write.
 */
public final class CaseAccess {
    private CaseAccess() {
    }

    public static boolean canRead(Caller caller, Handling handling, String leadPost) {
        if (caller.isAnalyst()) {
            return true;
        }
        return caller.isOfficer() && (handling == Handling.INTERNAL || leadPost.equals(caller.postId()));
    }

    /** Officers write only the cases of the post of their token; everybody else never writes cases or actions. */
    public static void requireWriter(Caller caller, String leadPost) {
        if (!caller.isOfficer()) {
            throw new AccessDenied("only officers write cases and actions");
        }
        if (!caller.postId().equals(leadPost)) {
            throw new AccessDenied("officers of " + caller.postId() + " write only cases of their own post, not of "
                    + leadPost);
        }
    }

    /**
     * Narrows a query on cases to those the caller may read, as {@link #canRead} decides one case; fails
     * closed for any other role.
     *
     * @param alias the alias of the case in the query followed by a dot ({@code "c."}), or "" for its root
     */
    public static Filter readable(Caller caller, String alias, Filter filter) {
        if (caller.isAnalyst()) {
            return filter;
        }
        if (!caller.isOfficer()) {
            return filter.when(true, "1 = 0");
        }
        return filter.and("(" + alias + "handling = :internal or " + alias + "leadPost = :callerPost)",
                Map.of("internal", Handling.INTERNAL, "callerPost", caller.postId()));
    }
}
