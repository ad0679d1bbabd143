package org.dcis.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.dcis.devstack.local.Server;
import org.dcis.faults.Clients.Write;
import org.dcis.faults.FaultStack.Replica;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scenario 5: two instances of each service against one database and one broker, as a cluster runs them. Clients
 * write straight at both instances. While both run, one relay sends (the other waits on the relay lock), so no event
 * is sent twice, and the two cooperation-service instances share the partitions of the partner feeds' consumer
 * group. Then the instance whose relay is active is killed (kill -9) under writes: the other's relay takes the lock
 * and sends within seconds, the clients move to the survivor with the same Idempotency-Key, and every acknowledged
 * change is stored once and on the topic (a redelivery of what was in flight at the kill only as an identical copy).
 */
@Order(5)
@ExtendWith(FaultStackExtension.class)
class ReplicasIT {
    private static final int CLIENTS = 8;
    private static final Duration PACE = Duration.ofMillis(20);
    private static final Duration HANDOVER = Duration.ofSeconds(30);
    private static final String PARTNER_FEEDS_GROUP = "cooperation-service-partner-feeds";

    /** The two instances of a service: the stack's own and a replica; a client writes to one of them while it lives. */
    private static final class Pair {
        final Server service;
        final Replica replica;
        final AtomicBoolean primaryAlive = new AtomicBoolean(true);
        final AtomicBoolean replicaAlive = new AtomicBoolean(true);

        Pair(Server service, Replica replica) {
            this.service = service;
            this.replica = replica;
        }

        String primaryUrl() {
            return FaultStack.get().url(service);
        }

        /** Even clients write to the stack's instance, odd ones to the replica; to the survivor once one is killed. */
        String instanceFor(int client) {
            boolean primary = client % 2 == 0 ? primaryAlive.get() : !replicaAlive.get();
            return primary ? primaryUrl() : replica.url();
        }

        Readiness primaryReadiness() {
            return Readiness.of(service);
        }

        Readiness replicaReadiness() {
            return Readiness.at(service, replica.managementUrl());
        }

        /**
         * Whether the stack's instance is the active relay. Each relay round takes the relay lock or skips: a relay is
         * "active" when it took the lock at its last round, so under load both may be, in turns, never at once. The
         * stack's instance is chosen when it is active, else the replica, once one of them is.
         */
        boolean primaryRelays() {
            await(service.displayName() + ": an active relay").atMost(HANDOVER).pollInterval(Duration.ofMillis(200))
                    .until(() -> primaryReadiness().activeRelay() || replicaReadiness().activeRelay());
            boolean primary = primaryReadiness().activeRelay();
            System.out.printf("[fault] %s: relay active on the stack's instance %s, on the replica %s%n",
                    service.displayName(), primary, replicaReadiness().activeRelay());
            return primary;
        }

        /** kill -9 of the instance whose relay is active; returns the moment, after which the other must relay. */
        Instant killActiveRelay() {
            FaultStack stack = FaultStack.get();
            if (primaryRelays()) {
                primaryAlive.set(false);
                stack.kill(service);
                System.out.printf("[fault] %s: killed the stack's instance (active relay)%n", service.displayName());
            } else {
                replicaAlive.set(false);
                replica.kill();
                System.out.printf("[fault] %s: killed the replica (active relay)%n", service.displayName());
            }
            return Instant.now();
        }

        Readiness survivor() {
            return primaryAlive.get() ? primaryReadiness() : replicaReadiness();
        }

        /** Leaves the stack as the next scenario expects it: its own instance running, no replica. */
        void restore() {
            replica.stop();
            FaultStack.get().restoreIfStopped(service);
        }
    }

    @Test
    @Order(1)
    void twoCooperationServicesShareTheWorkAndHandRelayingOverWhenTheActiveOneDies() throws Exception {
        FaultStack stack = FaultStack.get();
        Pair pair = new Pair(Server.COOPERATION, stack.startReplica(Server.COOPERATION));
        try {
            // both running: one relay, shared consumption, no event twice
            CooperationWrites both = new CooperationWrites(Suite.tag("R"), pair::instanceFor);
            Clients clients = Clients.start("replicas-cooperation", CLIENTS, PACE, both);
            await("writes acknowledged by both instances").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                    .until(() -> clients.acknowledged() >= 40);
            List<Write> writes = clients.stop();
            assertThat(writes.stream().filter(Write::acknowledged).map(w -> w.client % 2).distinct())
                    .as("writes acknowledged by each instance").hasSize(2);
            pair.primaryRelays();
            assertConsumptionShared();
            CooperationWrites.Report report = both.verify("two cooperation-service instances", writes);
            report.print();
            report.assertConsistent();
            assertThat(report.duplicates()).as("events sent twice while both instances run").isZero();

            // the active relay's instance dies under writes
            CooperationWrites handover = new CooperationWrites(Suite.tag("H"), pair::instanceFor);
            Clients more = Clients.start("handover-cooperation", CLIENTS, PACE, handover);
            await("writes before the kill").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                    .until(() -> more.acknowledged() >= 24);
            Instant killed = pair.killActiveRelay();
            await("the survivor's relay takes over").atMost(HANDOVER).pollInterval(Duration.ofMillis(100))
                    .until(() -> pair.survivor().activeRelay());
            System.out.printf("[fault] cooperation-service: relaying handed over in %d ms%n",
                    Duration.between(killed, Instant.now()).toMillis());
            await("writes acknowledged by the survivor").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                    .until(() -> more.acknowledgedSince(killed) >= 24);
            List<Write> afterKill = more.stop();
            // the checks read through the gateway, which knows the stack's instance only
            stack.restoreIfStopped(Server.COOPERATION);
            CooperationWrites.Report handed = handover.verify("kill -9 of the active relay's instance", afterKill);
            handed.print();
            handed.assertConsistent();
        } finally {
            pair.restore();
        }
    }

    @Test
    @Order(2)
    void twoPostsServicesRelayOnceAndHandOverWhenTheActiveOneDies() {
        FaultStack stack = FaultStack.get();
        Pair pair = new Pair(Server.POSTS, stack.startReplica(Server.POSTS));
        try {
            // each post is closed once open, so its country is free again: the earlier scenarios took many countries
            RegistryWrites both = new RegistryWrites(Suite.tag("Q"), CLIENTS, true).to(pair::instanceFor);
            Clients clients = Clients.start("replicas-posts", CLIENTS, PACE, both);
            await("posts opened and closed by both instances").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                    .until(() -> clients.acknowledged() >= 16);
            Instant killed = pair.killActiveRelay();
            await("the survivor's relay takes over").atMost(HANDOVER).pollInterval(Duration.ofMillis(100))
                    .until(() -> pair.survivor().activeRelay());
            System.out.printf("[fault] posts-service: relaying handed over in %d ms%n",
                    Duration.between(killed, Instant.now()).toMillis());
            await("posts opened and closed by the survivor").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                    .until(() -> clients.acknowledgedSince(killed) >= 8);
            List<Write> writes = clients.stop();
            stack.restoreIfStopped(Server.POSTS);
            assertThat(writes.stream().filter(Write::acknowledged).map(w -> w.client % 2).distinct())
                    .as("posts opened through each instance").hasSize(2);
            RegistryWrites.Report report = both.verify("two posts-service instances, the active relay's killed", writes);
            report.print();
            report.assertConsistent();
        } finally {
            pair.restore();
        }
    }

    /** Both cooperation-service instances are members of the partner feeds' group, each with partitions of its own. */
    private static void assertConsumptionShared() throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                FaultStack.get().kafkaBootstrap()))) {
            await("the partner feeds' group rebalanced over two members").atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(PARTNER_FEEDS_GROUP))
                                .describedGroups().get(PARTNER_FEEDS_GROUP).get();
                        List<MemberDescription> members = List.copyOf(group.members());
                        assertThat(members).as("members of %s", PARTNER_FEEDS_GROUP).hasSize(2);
                        Set<TopicPartition> all = new HashSet<>();
                        for (MemberDescription member : members) {
                            Set<TopicPartition> own = member.assignment().topicPartitions();
                            assertThat(own).as("partitions of %s", member.consumerId()).isNotEmpty();
                            assertThat(all).as("a partition of two members").doesNotContainAnyElementsOf(own);
                            all.addAll(own);
                        }
                        System.out.printf("[fault] %s: %d members sharing %s%n", PARTNER_FEEDS_GROUP, members.size(), all);
                    });
        }
    }
}
