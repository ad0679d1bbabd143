package org.dcis.cooperation.cases;

import java.util.Map;
import java.util.Optional;

/**
 * What the case list needs to know of the actions logged on cases. Owned by the cases feature and
 * implemented by the actions feature, which depends on cases and never the reverse: the two stay free of
 * cycles while {@code GET /cases?kind=...} still finds the cases that have an action of that kind.
 */
public interface CaseActivity {
    /**
     * The cases with at least one action of this kind; empty when no kind is asked.
     *
     * @param parameter the name of the query parameter, which an unknown kind is a 400 about
     */
    Optional<Condition> withActionsOfKind(String parameter, String kind);

    /** A condition on the case of a query (its root entity, no alias) with its named parameters. */
    record Condition(String query, Map<String, Object> params) {
        public Condition {
            params = Map.copyOf(params);
        }
    }
}
