package org.dcis.cooperation.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.dcis.platform.paging.Filter;
import org.dcis.platform.problem.AccessDenied;
import org.dcis.platform.security.Caller;
import org.dcis.platform.security.Roles;
import org.junit.jupiter.api.Test;

/** Who reads and writes cases, without Quarkus: the rules CaseAccessTest checks end to end on real tokens. */
class CaseAccessRulesTest {
    private static final Caller DAKAR = new Caller("s1", "officer.dakar", "SN-DAKAR", Set.of(Roles.OFFICER));
    private static final Caller NO_POST = new Caller("s2", "officer.lost", null, Set.of(Roles.OFFICER));
    private static final Caller ANALYST = new Caller("s3", "analyst.hq", null, Set.of(Roles.HQ_ANALYST));
    private static final Caller ADMIN = new Caller("s4", "admin.registry", null, Set.of(Roles.REGISTRY_ADMIN));

    @Test
    void officersWriteOnlyTheCasesOfTheirOwnPostAndNobodyElseWrites() {
        assertThatCode(() -> CaseAccess.requireWriter(DAKAR, "SN-DAKAR")).doesNotThrowAnyException();
        assertThatThrownBy(() -> CaseAccess.requireWriter(DAKAR, "CO-BOGOTA")).isInstanceOf(AccessDenied.class)
                .hasMessageContaining("SN-DAKAR write only cases of their own post, not of CO-BOGOTA");
        assertThatThrownBy(() -> CaseAccess.requireWriter(ANALYST, "SN-DAKAR")).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> CaseAccess.requireWriter(ADMIN, "SN-DAKAR")).isInstanceOf(AccessDenied.class);
        // an officer token without post_id is no officer at all
        assertThatThrownBy(() -> CaseAccess.requireWriter(NO_POST, "SN-DAKAR")).isInstanceOf(AccessDenied.class);
    }

    @Test
    void listsNarrowToWhatOneCaseWouldShowAndFailClosed() {
        assertThat(CaseAccess.readable(ANALYST, "", Filter.where()).query()).isEmpty();
        assertThat(CaseAccess.readable(ADMIN, "c.", Filter.where()).query()).isEqualTo("1 = 0");
        Filter officer = CaseAccess.readable(DAKAR, "c.", Filter.where());
        assertThat(officer.query()).isEqualTo("(c.handling = :internal or c.leadPost = :callerPost)");
        assertThat(officer.params()).containsEntry("internal", Handling.INTERNAL).containsEntry("callerPost", "SN-DAKAR");

        assertThat(CaseAccess.canRead(DAKAR, Handling.RESTRICTED, "SN-DAKAR")).isTrue();
        assertThat(CaseAccess.canRead(DAKAR, Handling.RESTRICTED, "CO-BOGOTA")).isFalse();
        assertThat(CaseAccess.canRead(NO_POST, Handling.INTERNAL, "CO-BOGOTA")).isFalse();
        assertThat(CaseAccess.canRead(ADMIN, Handling.INTERNAL, "CO-BOGOTA")).isFalse();
    }
}
