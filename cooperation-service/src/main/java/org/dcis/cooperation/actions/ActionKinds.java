package org.dcis.cooperation.actions;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.dcis.cooperation.cases.CaseActivity;
import org.dcis.platform.web.Params;

/** The actions feature's answer to what the case list asks of actions: which cases have an action of a kind. */
@ApplicationScoped
public class ActionKinds implements CaseActivity {
    @Override
    public Optional<Condition> withActionsOfKind(String parameter, String kind) {
        ActionKind parsed = Params.enumOf(ActionKind.class, parameter, kind);
        if (parsed == null) {
            return Optional.empty();
        }
        return Optional.of(new Condition("id in (select a.caseId from CooperationAction a where a.kind = :actionKind)",
                Map.of("actionKind", parsed)));
    }
}
