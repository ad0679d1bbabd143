package org.dcis.gateway.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.vertx.core.Future;

import org.dcis.gateway.routing.Downstream;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Operators' view of the suite from the gateway: each service's readiness as the gateway sees it.
 * Behind a role (HQ analysts and registry administrators), because which part of the suite is down
 * is useful to an attacker; the anonymous probes keep /q/health, which only speaks of the gateway.
 */
@Path("/status")
public class StatusResource {
    public record ServiceStatus(String service, String prefix, String status, String detail, long latencyMs) {
    }

    public record SuiteStatus(String status, List<ServiceStatus> services) {
    }

    @Inject
    Downstreams downstreams;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "hq-analyst", "registry-admin" })
    @Operation(summary = "Readiness of each service behind the gateway")
    public CompletionStage<SuiteStatus> status() {
        Map<Downstream, Future<String>> checks = new LinkedHashMap<>();
        Map<Downstream, Long> latencies = new ConcurrentHashMap<>();
        for (Downstream downstream : Downstream.values()) {
            if (!downstream.isServiceRoot()) {
                continue; // another route to a service already checked (the dashboard is cooperation-service)
            }
            long started = System.nanoTime();
            checks.put(downstream, downstreams.readiness(downstream)
                    .onComplete(done -> latencies.put(downstream, (System.nanoTime() - started) / 1_000_000)));
        }
        return Future.join(new ArrayList<>(checks.values())).transform(done -> {
            List<ServiceStatus> services = new ArrayList<>();
            checks.forEach((downstream, check) -> services.add(new ServiceStatus(downstream.service(),
                    downstream.prefix(), check.succeeded() ? "UP" : "DOWN",
                    check.succeeded() ? null : check.cause().getMessage(), latencies.getOrDefault(downstream, -1L))));
            boolean allUp = services.stream().allMatch(s -> s.status().equals("UP"));
            return Future.succeededFuture(new SuiteStatus(allUp ? "UP" : "DEGRADED", services));
        }).toCompletionStage();
    }
}
