package org.dcis.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** A port handed out is never handed out again by the same JVM, even when the kernel offers it again. */
class PortsTest {
    @Test
    void aPortTheKernelOffersAgainIsSkipped() {
        Iterator<Integer> kernel = List.of(35293, 35293, 41000).iterator();
        Set<Integer> handedOut = new HashSet<>();

        assertThat(Ports.free(kernel::next, handedOut)).isEqualTo(35293);
        assertThat(Ports.free(kernel::next, handedOut)).as("35293 is meant for another server already")
                .isEqualTo(41000);
    }

    @Test
    void aKernelThatOffersOnlyTakenPortsIsAnError() {
        Set<Integer> handedOut = new HashSet<>(Set.of(35293));
        assertThatThrownBy(() -> Ports.free(() -> 35293, handedOut)).isInstanceOf(DevstackException.class)
                .hasMessageContaining("handed out");
    }

    @Test
    void freePortsOfOneJvmAreAllDifferent() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            assertThat(ports.add(Ports.free())).isTrue();
        }
    }
}
