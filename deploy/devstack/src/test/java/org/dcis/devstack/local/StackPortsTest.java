package org.dcis.devstack.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class StackPortsTest {

    @Test
    void defaultsAreThePortsOfTheConventions() {
        StackPorts ports = StackPorts.from(Map.of());

        assertThat(ports.of(Server.GATEWAY)).isEqualTo(8080);
        assertThat(ports.of(Server.POSTS)).isEqualTo(8081);
        assertThat(ports.of(Server.COOPERATION)).isEqualTo(8082);
        assertThat(ports.of(Server.KEYCLOAK)).isEqualTo(8180);
        assertThat(ports.of(Server.POSTGRES)).isEqualTo(5432);
        assertThat(ports.of(Server.KAFKA)).isEqualTo(9092);
        assertThat(ports.kafkaController()).isEqualTo(9093);
        assertThat(ports.probe(Server.POSTS)).isEqualTo(9081);
        assertThat(ports.probe(Server.COOPERATION)).isEqualTo(9082);
        assertThat(ports.probe(Server.GATEWAY)).isEqualTo(8080);
    }

    @Test
    void eachPortIsMovedByItsVariable() {
        StackPorts ports = StackPorts.from(Map.of("DCIS_GATEWAY_PORT", "18080", "DCIS_KEYCLOAK_PORT", " 18180 ",
                "DCIS_KAFKA_CONTROLLER_PORT", "19093", "DCIS_COOPERATION_MANAGEMENT_PORT", "19082"));

        assertThat(ports.of(Server.GATEWAY)).isEqualTo(18080);
        assertThat(ports.of(Server.KEYCLOAK)).isEqualTo(18180);
        assertThat(ports.kafkaController()).isEqualTo(19093);
        assertThat(ports.of(Server.POSTS)).isEqualTo(8081);
        assertThat(ports.probe(Server.COOPERATION)).isEqualTo(19082);
        assertThat(ports.allWithVariables()).containsEntry(18180, "DCIS_KEYCLOAK_PORT")
                .containsEntry(19082, "DCIS_COOPERATION_MANAGEMENT_PORT").hasSize(9);
    }

    @Test
    void aValueThatIsNotAPortNamesTheVariable() {
        assertThatThrownBy(() -> StackPorts.from(Map.of("DCIS_POSTS_PORT", "eighty")))
                .isInstanceOf(StackException.class).hasMessageContaining("DCIS_POSTS_PORT=eighty");
        assertThatThrownBy(() -> StackPorts.from(Map.of("DCIS_POSTGRES_PORT", "70000")))
                .isInstanceOf(StackException.class).hasMessageContaining("DCIS_POSTGRES_PORT=70000");
    }

    @Test
    void twoServersOnOnePortAreRefused() {
        assertThatThrownBy(() -> StackPorts.from(Map.of("DCIS_POSTS_PORT", "8080")))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("DCIS_POSTS_PORT").hasMessageContaining("DCIS_GATEWAY_PORT")
                .hasMessageContaining("8080");
    }

    @Test
    void freePortsAreAllDifferentAndFree() {
        StackPorts ports = StackPorts.free();

        assertThat(ports.allWithVariables()).hasSize(9);
        assertThat(ports.allWithVariables().keySet()).allSatisfy(port -> {
            assertThat(port).isBetween(1, 65535);
            assertThat(org.dcis.devstack.Ports.isListening(port)).as("port %d listened on", port).isFalse();
        });
    }
}
