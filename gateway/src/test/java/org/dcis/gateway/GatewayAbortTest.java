package org.dcis.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * One client's abort never costs another client its answer.
 * <p>
 * The race: an aborting client asks for an answer larger than it reads (a small receive window), so the
 * gateway is still writing it when the service has already sent all of it and the gateway's pooled
 * connection to the service is free for the next request. The client then resets its connection. The
 * gateway must not break that pooled connection, which by then carries another client's request (before
 * the fix, vertx-http-proxy's reset of the finished downstream request closed it: 502 for a POST, a cut
 * answer, or a GET saved only by the retry). Meanwhile other clients keep reading and writing through the
 * same service; every one of their requests must be answered in full, and every aborting client gets its
 * 200 head too.
 * <p>
 * To make the race happen on most runs rather than once in thousands of requests: the answer sizes are
 * swept (the window is "the service has sent everything, the gateway has not written everything", whose
 * size depends on socket buffers), the gateway keeps only 4 connections to each service so that a freed
 * connection goes straight to a waiting request, and the other clients' requests take the service 100 ms,
 * so the request on a freed connection is still in flight when the aborting client resets.
 */
@QuarkusTest
@TestProfile(GatewayAbortTest.FewConnectionsNoRateLimit.class)
class GatewayAbortTest {
    public static class FewConnectionsNoRateLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // the rate limit is not what this test is about: thousands of requests from a few subjects
            return Map.of("dcis.gateway.rate-limit.enabled", "false", "dcis.gateway.max-connections", "4");
        }
    }

    private static final int ABORTERS = 4;
    private static final int ABORTS_EACH = 80;
    private static final int SMALLEST_ABORTED = 16 * 1024;
    private static final int LARGEST_ABORTED = 1024 * 1024;
    private static final int VICTIMS = 8;
    private static final int VICTIM_ANSWER_BYTES = 30_000;
    private static final String SLOW = "delay-ms=100";

    @TestHTTPResource("/")
    URI gateway;

    private final HttpClient control = HttpClient.newHttpClient();
    private String postsControl;

    @Test
    void aClientThatAbortsMidAnswerNeverCostsAnotherClientItsAnswer() throws Exception {
        postsControl = Services.POSTS.controlUrl();
        String aborterToken = Tokens.of("partner.eu");
        String admin = Tokens.of("admin.registry");
        String analyst = Tokens.of("analyst.hq");
        String officer = Tokens.of("officer.dakar");
        HttpClient victimsHttp = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> abortedHeads = new ConcurrentHashMap<>();
        AtomicBoolean aborting = new AtomicBoolean(true);
        AtomicInteger aborted = new AtomicInteger();

        ExecutorService threads = Executors.newFixedThreadPool(ABORTERS + VICTIMS);
        try {
            List<Future<?>> victims = new ArrayList<>();
            for (int v = 0; v < VICTIMS; v++) {
                int kind = v % 4;
                victims.add(threads.submit(() -> {
                    while (aborting.get()) {
                        outcomes.computeIfAbsent(victimCall(victimsHttp, kind, admin, analyst, officer),
                                k -> new AtomicInteger()).incrementAndGet();
                    }
                    return null;
                }));
            }
            List<Future<?>> aborters = new ArrayList<>();
            for (int a = 0; a < ABORTERS; a++) {
                aborters.add(threads.submit(() -> {
                    for (int i = 0; i < ABORTS_EACH; i++) {
                        int n = aborted.getAndIncrement();
                        int size = SMALLEST_ABORTED + (int) ((long) (LARGEST_ABORTED - SMALLEST_ABORTED) * n / (ABORTERS * ABORTS_EACH));
                        abortedHeads.computeIfAbsent(abortMidAnswer(aborterToken, size), k -> new AtomicInteger())
                                .incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> aborter : aborters) {
                aborter.get(5, TimeUnit.MINUTES);
            }
            aborting.set(false);
            for (Future<?> victim : victims) {
                victim.get(1, TimeUnit.MINUTES);
            }
        } finally {
            aborting.set(false);
            threads.shutdownNow();
        }

        Map<String, Integer> counts = new TreeMap<>();
        outcomes.forEach((outcome, count) -> counts.put(outcome, count.get()));
        Map<String, Integer> heads = new TreeMap<>();
        abortedHeads.forEach((head, count) -> heads.put(head, count.get()));
        System.out.printf("GatewayAbortTest: aborted answers by head %s; other clients' outcomes %s%n", heads, counts);
        assertThat(aborted.get()).isEqualTo(ABORTERS * ABORTS_EACH);
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum())
                .as("other clients' requests during the aborts").isGreaterThanOrEqualTo(ABORTERS * ABORTS_EACH / 4);
        assertThat(counts.keySet()).as("outcomes of the other clients' requests: %s", counts)
                .allMatch(outcome -> outcome.endsWith(" 200 complete"));
        assertThat(heads.keySet()).as("heads the aborting clients read: %s", heads).containsExactly("HTTP/1.1 200 OK");
    }

    /** One request of a well-behaved client; its outcome as "<call> <status> complete", or what went wrong. */
    private String victimCall(HttpClient http, int kind, String admin, String analyst, String officer) {
        String base = gateway.toString().replaceAll("/$", "");
        HttpRequest.Builder request;
        String call;
        switch (kind) {
            case 1 -> {
                call = "GET /api/posts/countries";
                request = HttpRequest.newBuilder(URI.create(base + "/api/posts/countries?continent=AF&" + SLOW))
                        .header("Authorization", "Bearer " + analyst).GET();
            }
            case 2 -> {
                call = "GET /api/posts/bytes";
                request = HttpRequest.newBuilder(URI.create(base + "/api/posts/bytes/" + VICTIM_ANSWER_BYTES))
                        .header("Authorization", "Bearer " + officer).GET();
            }
            default -> {
                // a write: never sent twice by the gateway, so a broken connection under it cannot be hidden
                call = "POST /api/posts/posts";
                request = HttpRequest.newBuilder(URI.create(base + "/api/posts/posts?" + SLOW))
                        .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"SN-DAKAR\",\"city\":\"Dakar\"}"));
            }
        }
        try {
            HttpResponse<byte[]> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            boolean complete = kind == 2 ? response.body().length == VICTIM_ANSWER_BYTES
                    : new String(response.body(), StandardCharsets.UTF_8).contains("\"bodySha256\"");
            return call + " " + response.statusCode() + (complete ? " complete" : " incomplete");
        } catch (IOException e) {
            return call + " " + e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return call + " interrupted";
        }
    }

    /**
     * Asks for an answer bigger than this client will read, reads its head, waits until the service has
     * sent all of it, then resets the connection (SO_LINGER 0) while the gateway is still writing. Returns
     * the status line read.
     */
    private String abortMidAnswer(String token, int size) throws IOException {
        String marker = UUID.randomUUID().toString();
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.setSoLinger(true, 0);
            socket.setSoTimeout(30_000);
            socket.connect(new InetSocketAddress(gateway.getHost(), gateway.getPort()), 5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/posts/bytes/" + size + "?marker=" + marker + " HTTP/1.1\r\n"
                    + "Host: " + gateway.getHost() + ":" + gateway.getPort() + "\r\n"
                    + "Authorization: Bearer " + token + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String head = readHead(socket.getInputStream());
            if (!head.startsWith("HTTP/1.1 200")) {
                return head.lines().findFirst().orElse("no answer");
            }
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(2))
                    .until(() -> serviceWroteAll(marker));
            return head.lines().findFirst().orElseThrow();
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.length() < 16_384 && !head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }

    private boolean serviceWroteAll(String marker) throws IOException, InterruptedException {
        return control.send(HttpRequest.newBuilder(URI.create(postsControl + "/bytes-written?marker=" + marker))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 204;
    }
}
