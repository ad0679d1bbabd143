package org.dcis.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.dcis.devstack.local.PidFile;
import org.dcis.devstack.local.Server;
import org.dcis.faults.Clients.Write;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scenario 1: a service dies (kill -9 of its process group) while eight clients write through the gateway,
 * then starts again. A client whose write got no answer (or the gateway's 502) retries it with the same
 * Idempotency-Key until it is acknowledged, as the API's contract invites it to. Afterwards every
 * acknowledged write is stored exactly once, nothing is stored that no client saw acknowledged, every stored
 * change is on the service's topic (redeliveries allowed, only as identical copies) and nothing is
 * half-written (a change without its event, an event without its change).
 */
@Order(1)
@ExtendWith(FaultStackExtension.class)
class ServiceCrashIT {
    private static final int CLIENTS = 8;
    private static final Duration PACE = Duration.ofMillis(20);

    @Test
    @Order(1)
    void cooperationServiceKilledWhileEightOfficersOpenCasesAndLogActions() {
        FaultStack stack = FaultStack.get();
        CooperationWrites plan = new CooperationWrites(Suite.tag("K"));

        Clients clients = Clients.start("crash-cooperation", CLIENTS, PACE, plan);
        List<Write> writes = crashAndRestart(stack, Server.COOPERATION, clients, 24);

        CooperationWrites.Report report = plan.verify("kill -9 cooperation-service", writes);
        report.print();
        report.assertConsistent();
        assertThat(report.acknowledgedAfterRetry()).as("writes the crash cut off, acknowledged once retried").isPositive();
    }

    @Test
    @Order(2)
    void postsServiceKilledWhileEightRegistryClientsOpenPosts() {
        FaultStack stack = FaultStack.get();
        RegistryWrites plan = new RegistryWrites(Suite.tag("P"), CLIENTS, false);
        System.out.printf("[fault] %d countries nobody covers, spread over %d registry clients%n", plan.countries(), CLIENTS);
        assertThat(plan.countries()).as("free countries for the posts to open").isGreaterThanOrEqualTo(3 * CLIENTS);

        Clients clients = Clients.start("crash-posts", CLIENTS, PACE, plan);
        List<Write> writes = crashAndRestart(stack, Server.POSTS, clients, CLIENTS);

        RegistryWrites.Report report = plan.verify("kill -9 posts-service", writes);
        report.print();
        report.assertConsistent();
        assertThat(report.acknowledgedAfterRetry()).as("writes the crash cut off, acknowledged once retried").isPositive();
    }

    /** Writes flow, the service is killed, writes fail, the service is started again, writes flow again. */
    private static List<Write> crashAndRestart(FaultStack stack, Server service, Clients clients, int writesEachSide) {
        await("writes acknowledged before the crash").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> clients.acknowledged() >= writesEachSide);
        long acknowledgedBefore = clients.acknowledged();
        PidFile killed = stack.kill(service);
        Instant crash = Instant.now();
        await("a client meeting the crash").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50))
                .until(() -> clients.failedFirstTime() > 0);

        stack.restart(service);
        Instant back = Instant.now();
        System.out.printf("[fault] %s (pid %d) killed with %d writes acknowledged; back (pid %d) after %d s%n",
                service.displayName(), killed.pid(), acknowledgedBefore, stack.pid(service),
                Duration.between(crash, back).toSeconds());
        await("writes acknowledged after the restart").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> clients.acknowledgedSince(back) >= writesEachSide);
        List<Write> writes = clients.stop();
        System.out.printf("[fault] %s: %d writes, %d failed at their first attempt (in flight at the crash or "
                + "sent while it was down)%n", service.displayName(), writes.size(), clients.failedFirstTime());
        return writes;
    }
}
