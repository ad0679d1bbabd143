package org.dcis.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dcis.faults.OtlpReceiver.ExportedSpan;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scenario 0: one request followed through the whole suite by one trace id, read from the spans the three processes
 * export (the fault stack's collector keeps them in memory): the gateway's server span, cooperation-service's server
 * span, the relay's publish to {@code dcis.cooperation.v1}, the partner feeds' consumer processing that record, and the
 * relay's publish of the partner event to {@code dcis.partner.eu.v1} that the consumer wrote through the outbox.
 */
@Order(0)
@ExtendWith(FaultStackExtension.class)
class TracingIT {
    private static boolean gatewaySpanOf(ExportedSpan span, String requestId) {
        return "gateway".equals(span.service()) && requestId.equals(span.attributes().get("dcis.request_id"));
    }

    @Test
    void oneRequestIsOneTraceFromTheGatewayToTheKafkaConsumersAndOn() {
        FaultStack stack = FaultStack.get();
        Map<String, Object> body = CooperationWrites.bilateralCase("Traced " + UUID.randomUUID());
        body.put("framework", "MULTILATERAL");
        body.remove("partnerCountry");
        body.put("organisation", "EU");
        body.put("countries", List.of("ML"));
        body.put("releasableTo", List.of("EU"));
        Http.Answer opened = Http.post(stack.gateway() + "/api/cooperation/cases", Tokens.of(Tokens.OFFICER), body, Map.of());
        assertThat(opened.status()).as(opened.brief()).isEqualTo(201);
        String requestId = opened.header("X-Request-Id").orElseThrow();

        await("the gateway's span of the request").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(stack.exportedSpans())
                        .as("spans exported (messages the collector could not read: %s)", stack.unreadableExports())
                        .anyMatch(s -> gatewaySpanOf(s, requestId)));
        String trace = stack.exportedSpans().stream().filter(s -> gatewaySpanOf(s, requestId)).findFirst().orElseThrow()
                .traceId();

        await("the spans of every process on that trace").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> {
                    List<ExportedSpan> spans = stack.exportedSpans().stream().filter(s -> s.traceId().equals(trace)).toList();
                    assertThat(spans).as("gateway server span").anyMatch(s -> "gateway".equals(s.service())
                            && "SPAN_KIND_SERVER".equals(s.kind()));
                    assertThat(spans).as("cooperation-service server span, with the gateway's request id")
                            .anyMatch(s -> "cooperation-service".equals(s.service()) && "SPAN_KIND_SERVER".equals(s.kind())
                                    && requestId.equals(s.attributes().get("dcis.request_id")));
                    assertThat(spans).as("the relay's publish to dcis.cooperation.v1").anyMatch(s -> "SPAN_KIND_PRODUCER"
                            .equals(s.kind()) && s.name().contains("dcis.cooperation.v1"));
                    assertThat(spans).as("a consumer of dcis.cooperation.v1 (the partner feeds) processing the record")
                            .anyMatch(s -> "cooperation-service".equals(s.service()) && "SPAN_KIND_CONSUMER".equals(s.kind())
                                    && s.name().contains("dcis.cooperation.v1"));
                    assertThat(spans).as("the relay's publish of the partner event to dcis.partner.eu.v1")
                            .anyMatch(s -> "SPAN_KIND_PRODUCER".equals(s.kind()) && s.name().contains("dcis.partner.eu.v1"));
                });
        Map<String, Long> byService = new LinkedHashMap<>();
        stack.exportedSpans().stream().filter(s -> s.traceId().equals(trace)).forEach(s -> byService.merge(
                s.service() + " " + s.kind().replace("SPAN_KIND_", "") + " " + s.name(), 1L, Long::sum));
        System.out.printf("[fault] trace %s of request %s:%n", trace, requestId);
        byService.forEach((span, count) -> System.out.printf("  %s x%d%n", span, count));
    }
}
