package org.dcis.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;

import org.dcis.platform.problem.InvalidParameter;
import org.dcis.platform.problem.StaleVersion;
import org.dcis.platform.problem.VersionRequired;
import org.dcis.platform.problem.Violation;
import org.junit.jupiter.api.Test;

class ParamsTest {
    enum Kind {
        OPERATIONAL, TECHNICAL
    }

    @Test
    void valuesAreReadOrAbsent() {
        assertThat(Params.enumOf(Kind.class, "kind", " technical ")).isEqualTo(Kind.TECHNICAL);
        assertThat(Params.enumOf(Kind.class, "kind", "")).isNull();
        assertThat(Params.date("from", "2026-12-06")).isEqualTo(LocalDate.of(2026, 12, 6));
        assertThat(Params.date("from", null)).isNull();
        UUID id = UUID.randomUUID();
        assertThat(Params.uuid("id", id.toString())).isEqualTo(id);
        assertThat(Params.text("text", "Dakar", 10)).isEqualTo("Dakar");
    }

    @Test
    void badValuesAreRefusedNamingTheParameter() {
        refused(() -> Params.enumOf(Kind.class, "kind", "0"), "kind");
        refused(() -> Params.date("from", "20261202"), "from");
        refused(() -> Params.date("from", "-5000-01-01"), "from");
        refused(() -> Params.date("to", "+99999-01-01"), "to");
        refused(() -> Params.date("to", "0000-01-01"), "to");
        refused(() -> Params.instant("from", "yesterday"), "from");
        refused(() -> Params.uuid("id", "not-a-uuid"), "id");
        refused(() -> Params.text("text", "a\u0000b", 10), "text");
        refused(() -> Params.text("text", "x".repeat(11), 10), "text");
        refused(() -> Params.range("from", LocalDate.of(2026, 2, 1), "to", LocalDate.of(2026, 1, 1)), "to");
    }

    @Test
    void ifMatchIsAVersion() {
        assertThat(ETags.expectedVersion("\"3\"")).isEqualTo(3);
        assertThat(ETags.expectedVersion("W/\"4\"")).isEqualTo(4);
        assertThatThrownBy(() -> ETags.expectedVersion(null)).isInstanceOf(VersionRequired.class);
        assertThatThrownBy(() -> ETags.expectedVersion(" ")).isInstanceOf(VersionRequired.class);
        refused(() -> ETags.expectedVersion("\"abc\""), "If-Match");
        refused(() -> ETags.expectedVersion("\"0\""), "If-Match");
        refused(() -> ETags.expectedVersion("*"), "If-Match");
        ETags.require("case", 3, 3);
        assertThatThrownBy(() -> ETags.require("case", 2, 3)).isInstanceOf(StaleVersion.class);
    }

    private static void refused(Runnable parse, String field) {
        assertThatThrownBy(parse::run).isInstanceOf(InvalidParameter.class)
                .satisfies(e -> assertThat(((InvalidParameter) e).violations()).extracting(Violation::field)
                        .containsExactly(field));
    }
}
