import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Write-path benchmark of a running DCIS stack, run in source-file mode ({@code java WritePath.java}),
 * with the JDK only so that it needs no build and no dependency.
 * <ol>
 * <li>Event propagation: admin.registry writes to the registry through the gateway (open a post,
 * change its coverage, close it); the time until cooperation-service's own directory shows that
 * version is outbox relay + Kafka + consumer. Writes are made one at a time, so each measurement is
 * the latency of an idle pipeline, not of a queue.</li>
 * <li>Case creation: officer.dakar opens bilateral cases (partner country covered by SN-DAKAR
 * according to the directory) at fixed concurrency, through the gateway and directly on the
 * service.</li>
 * </ol>
 * Prints Markdown on stdout (the result file's sections); progress goes to stderr. Every post it
 * opens is closed again, even after a failure, which releases its coverage.
 */
public class WritePath {
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");
    /** A country's own code (followed by its alpha-3), not its region's: regions have codes like QO. */
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z]{2})\"\\s*,\\s*\"alpha3\"");
    private static final Pattern ON = Pattern.compile("\"on\"\\s*:\\s*\"([0-9-]{10})\"");
    private static final Pattern COVERAGE = Pattern.compile("\"coverage\"\\s*:\\s*\\[([^\\]]*)\\]");
    /** Directory polling period: the resolution of the propagation figures. */
    private static final long POLL_NANOS = Duration.ofMillis(5).toNanos();
    private static final Duration PROPAGATION_LIMIT = Duration.ofSeconds(60);
    private static final String MARKER = "-BENCH-";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;
    private final String cooperation;
    private final String keycloak;
    private final Map<String, String[]> tokens = new LinkedHashMap<>();
    /** Upper bound of the random pause before each write (see timedWrite). */
    private long gapNanos = Duration.ofSeconds(1).toNanos();
    /** When set, writes start at this fixed interval (an arrival rate) instead of after a random pause. */
    private long intervalNanos;
    private long nextStart;
    private int lateStarts;

    /** The nginx reference proxy's base URL (deploy/bench/lib/nginx.sh), or null: a third row per concurrency. */
    private String nginx;

    WritePath(String gateway, String cooperation, String keycloak) {
        this.gateway = gateway;
        this.cooperation = cooperation;
        this.keycloak = keycloak;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            options.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        WritePath bench = new WritePath(options.get("gateway"), options.get("cooperation"), options.get("keycloak"));
        bench.nginx = options.get("nginx");
        int posts = Integer.parseInt(options.getOrDefault("posts", "10"));
        bench.gapNanos = Duration.ofMillis(Long.parseLong(options.getOrDefault("write-gap-max-ms", "1000"))).toNanos();
        bench.intervalNanos = Duration.ofMillis(Long.parseLong(options.getOrDefault("write-interval-ms", "0"))).toNanos();
        int cases = Integer.parseInt(options.getOrDefault("cases", "60"));
        int warmup = Integer.parseInt(options.getOrDefault("case-warmup", "10"));
        List<Integer> concurrency = new ArrayList<>();
        for (String c : options.getOrDefault("case-concurrency", "1,8").split(",")) {
            concurrency.add(Integer.parseInt(c.trim()));
        }
        bench.propagation(posts);
        bench.caseCreation(cases, warmup, concurrency);
    }

    // ---------------------------------------------------------------- propagation

    record Write(String post, String kind, long version, double ackMillis, double visibleMillis) {
    }

    void propagation(int posts) throws Exception {
        String admin = "admin.registry";
        String today = match(ON, get(gateway + "/api/posts/countries/SN/post", admin).body(), "registry's today");
        List<String> free = new ArrayList<>();
        Matcher codes = CODE.matcher(get(gateway + "/api/posts/countries?covered=false&size=200", admin).body());
        while (codes.find()) {
            free.add(codes.group(1));
        }
        Collections.shuffle(free);
        // One more post than measured: its three writes warm up both services' write paths and are not counted.
        int total = posts + 1;
        // Each post is closed before the next opens, which frees its two countries again: with fewer free
        // countries than writes, they are used in turn.
        if (free.size() < 2) {
            throw new IllegalStateException("only " + free.size() + " uncovered countries, 2 needed");
        }
        int pairs = free.size() / 2;
        List<Write> writes = new ArrayList<>();
        List<String> opened = new ArrayList<>();
        try {
            for (int i = 0; i < total; i++) {
                String host = free.get(2 * (i % pairs));
                String extra = free.get(2 * (i % pairs) + 1);
                String id = host + MARKER + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
                String body = "{\"id\":\"" + id + "\",\"hostCountry\":\"" + host + "\",\"city\":\"Bench " + host
                        + "\",\"embassy\":\"Ambassade de France (benchmark)\",\"openedOn\":\"" + today
                        + "\",\"contact\":{\"email\":\"bench@example.org\",\"phone\":\"+33 1 00 00 00 00\"}}";
                writes.add(timedWrite(id, "open post", () -> {
                    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(gateway + "/api/posts/posts"))
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .POST(HttpRequest.BodyPublishers.ofString(body)), admin);
                    if (r.statusCode() == 201) {
                        opened.add(id);
                    }
                    return r;
                }));
                writes.add(timedWrite(id, "change coverage", () -> put("/api/posts/posts/" + id + "/coverage",
                        "{\"countries\":[\"" + host + "\",\"" + extra + "\"]}", id, admin)));
                writes.add(timedWrite(id, "close post", () -> {
                    HttpResponse<String> r = put("/api/posts/posts/" + id + "/status", "{\"status\":\"CLOSED\"}", id, admin);
                    if (r.statusCode() == 200) {
                        opened.remove(id);
                    }
                    return r;
                }));
                System.err.printf("  propagation: %d/%d posts (%d writes)%n", i + 1, total, writes.size());
                if (i == 0) {
                    writes.clear();
                }
            }
        } finally {
            for (String id : new ArrayList<>(opened)) {
                System.err.println("  cleanup: closing " + id);
                put("/api/posts/posts/" + id + "/status", "{\"status\":\"CLOSED\"}", id, admin);
            }
        }
        printPropagation(writes);
    }

    interface Call {
        HttpResponse<String> call() throws Exception;
    }

    /**
     * One write through the gateway, then polls the directory (on the service) until it has that version.
     * A random pause first: the outbox relay runs on a fixed tick (1 s), and a write sent right after the
     * previous one became visible would always land just after a tick and wait for almost a whole one.
     */
    private Write timedWrite(String id, String kind, Call write) throws Exception {
        if (intervalNanos > 0) {
            // Fixed arrival rate: this write starts one interval after the previous one started, or at once
            // (counted as late) when the previous write and its propagation took longer than the interval.
            long wait = nextStart - System.nanoTime();
            if (nextStart != 0 && wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            } else if (nextStart != 0) {
                lateStarts++;
            }
        } else {
            java.util.concurrent.locks.LockSupport.parkNanos(
                    java.util.concurrent.ThreadLocalRandom.current().nextLong(Math.max(1, gapNanos)));
        }
        long start = System.nanoTime();
        nextStart = start + intervalNanos;
        HttpResponse<String> response = write.call();
        long acked = System.nanoTime();
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(kind + " " + id + " answered " + response.statusCode() + ": " + response.body());
        }
        long version = Long.parseLong(match(VERSION, response.body(), "version of " + id));
        long deadline = acked + PROPAGATION_LIMIT.toNanos();
        String directory = cooperation + "/directory/posts/" + id;
        while (true) {
            long polled = System.nanoTime();
            HttpResponse<String> entry = get(directory, "admin.registry");
            long seen = System.nanoTime();
            if (entry.statusCode() == 200 && Long.parseLong(match(VERSION, entry.body(), "directory version")) >= version) {
                // The change was visible at some point during this poll: take the poll's end, a bound from above.
                return new Write(id, kind, version, millis(acked - start), millis(seen - acked));
            }
            if (entry.statusCode() != 200 && entry.statusCode() != 404) {
                throw new IllegalStateException("directory " + id + " answered " + entry.statusCode() + ": " + entry.body());
            }
            if (seen > deadline) {
                throw new IllegalStateException(kind + " " + id + " v" + version + " not in the directory after " + PROPAGATION_LIMIT);
            }
            long pause = POLL_NANOS - (System.nanoTime() - polled);
            if (pause > 0) {
                // A benchmark's pacing, not a test waiting for a condition.
                java.util.concurrent.locks.LockSupport.parkNanos(pause);
            }
        }
    }

    private HttpResponse<String> put(String path, String body, String id, String user) throws Exception {
        HttpResponse<String> current = get(gateway + "/api/posts/posts/" + id, user);
        String etag = current.headers().firstValue("ETag").orElseThrow(() -> new IllegalStateException("no ETag on " + id));
        return send(HttpRequest.newBuilder(URI.create(gateway + path)).header("If-Match", etag)
                .PUT(HttpRequest.BodyPublishers.ofString(body)), user);
    }

    private void printPropagation(List<Write> writes) {
        System.out.println("### Event propagation: registry write through the gateway → cooperation directory");
        System.out.println();
        String pacing = intervalNanos > 0
                ? String.format(Locale.ROOT, "one write started every %d ms (a fixed arrival rate; %d writes started late "
                        + "because the previous write and its propagation took longer)", intervalNanos / 1_000_000, lateStarts)
                : String.format(Locale.ROOT, "each after a random pause of 0-%d ms so that writes do not fall in step "
                        + "with a relay's poll tick", gapNanos / 1_000_000);
        System.out.printf("%d writes by admin.registry, one at a time (%d posts: open, change coverage, close; "
                + "the three writes of one more post before them warm up and are not counted), " + pacing + ". "
                + "*write* = the gateway's answer to the write (ETag read before a PUT not included); "
                + "*propagation* = from that answer until `GET /directory/posts/{id}` on cooperation-service shows "
                + "the written version (polled every %d ms: figures are upper bounds by up to one poll); "
                + "*total* = write + propagation.%n%n", writes.size(), writes.size() / 3, POLL_NANOS / 1_000_000);
        System.out.println("| measure | n | p50 ms | p90 ms | p99 ms | max ms | min ms | mean ms |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        row("write (through gateway)", writes.stream().mapToDouble(Write::ackMillis).toArray());
        row("propagation (outbox → Kafka → directory)", writes.stream().mapToDouble(Write::visibleMillis).toArray());
        row("total (write + propagation)", writes.stream().mapToDouble(w -> w.ackMillis() + w.visibleMillis()).toArray());
        for (String kind : List.of("open post", "change coverage", "close post")) {
            row("propagation, " + kind + " only",
                    writes.stream().filter(w -> w.kind().equals(kind)).mapToDouble(Write::visibleMillis).toArray());
        }
        System.out.println();
        System.out.println("<details><summary>each write</summary>");
        System.out.println();
        System.out.println("| post | write | version | write ms | propagation ms |");
        System.out.println("|---|---|---|---|---|");
        for (Write w : writes) {
            System.out.printf(Locale.ROOT, "| %s | %s | %d | %.1f | %.1f |%n", w.post(), w.kind(), w.version(), w.ackMillis(), w.visibleMillis());
        }
        System.out.println();
        System.out.println("</details>");
        System.out.println();
    }

    // ---------------------------------------------------------------- case creation

    void caseCreation(int cases, int warmup, List<Integer> concurrency) throws Exception {
        String officer = "officer.dakar";
        String dakar = get(cooperation + "/directory/posts/SN-DAKAR", officer).body();
        String coverage = match(COVERAGE, dakar, "SN-DAKAR's coverage in the directory");
        String partner = "SN";
        Matcher countries = Pattern.compile("\"([A-Z]{2})\"").matcher(coverage);
        while (countries.find()) {
            if (!countries.group(1).equals("SN")) {
                partner = countries.group(1);
                break;
            }
        }
        System.out.println("### Cooperation case creation (officer.dakar, bilateral, partner country " + partner + ")");
        System.out.println();
        System.out.printf("`POST /cases` with a unique `Idempotency-Key`; %d requests per row after %d warm-up requests "
                + "(not counted); closed loop: each of the *c* workers sends its next request when the previous "
                + "one is answered. req/s = successful creations / wall time of the row.%n%n", cases, warmup);
        System.out.println("| target | c | n | 201 | other | req/s | p50 ms | p90 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        String finalPartner = partner;
        for (int c : concurrency) {
            for (String target : nginx == null ? List.of("gateway", "service") : List.of("gateway", "nginx", "service")) {
                String url = switch (target) {
                    case "gateway" -> gateway + "/api/cooperation/cases";
                    case "nginx" -> nginx + "/api/cooperation/cases";
                    default -> cooperation + "/cases";
                };
                token(officer); // fresh enough for the whole row
                runCases(url, officer, finalPartner, warmup, Math.min(c, warmup));
                long start = System.nanoTime();
                Result result = runCases(url, officer, finalPartner, cases, c);
                double seconds = (System.nanoTime() - start) / 1e9;
                double[] sorted = result.millis();
                java.util.Arrays.sort(sorted);
                System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f |%n",
                        target, c, cases, result.created(), cases - result.created(), result.created() / seconds,
                        pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted[sorted.length - 1]);
                System.err.printf("  cases: %s c=%d done%n", target, c);
            }
        }
        System.out.println();
    }

    record Result(int created, double[] millis) {
    }

    private Result runCases(String url, String officer, String partner, int count, int workers) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger created = new AtomicInteger();
        double[] millis = new double[count];
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        String body = "{\"title\":\"Benchmark bilateral case " + UUID.randomUUID()
                                + "\",\"summary\":\"Opened by deploy/bench\",\"framework\":\"BILATERAL\",\"partnerCountry\":\""
                                + partner + "\",\"themes\":[\"DRUG_TRAFFICKING\"],\"leadPost\":\"SN-DAKAR\",\"countries\":[\"SN\"],"
                                + "\"handling\":\"INTERNAL\",\"expectedReturn\":\"Benchmark only\"}";
                        long t0 = System.nanoTime();
                        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url))
                                .header("Idempotency-Key", UUID.randomUUID().toString())
                                .POST(HttpRequest.BodyPublishers.ofString(body)), officer);
                        millis[i] = millis(System.nanoTime() - t0);
                        if (r.statusCode() == 201) {
                            created.incrementAndGet();
                        } else if (created.get() == 0 && i == 0) {
                            System.err.println("  case creation answered " + r.statusCode() + ": " + r.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return new Result(created.get(), millis);
    }

    // ---------------------------------------------------------------- HTTP and tokens

    private HttpResponse<String> get(String url, String user) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), user);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String user) throws IOException, InterruptedException {
        return http.send(request.header("Authorization", "Bearer " + token(user))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A password-grant token of the demo user, renewed well before its 300 s lifetime ends. */
    private synchronized String token(String user) throws IOException, InterruptedException {
        String[] cached = tokens.get(user);
        if (cached != null && System.nanoTime() - Long.parseLong(cached[1]) < Duration.ofSeconds(120).toNanos()) {
            return cached[0];
        }
        String form = "grant_type=password&client_id=dcis-demo&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=demo";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/dcis/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("token for " + user + ": " + r.statusCode() + " " + r.body());
        }
        String token = match(ACCESS_TOKEN, r.body(), "access token");
        tokens.put(user, new String[] {token, Long.toString(System.nanoTime())});
        return token;
    }

    // ---------------------------------------------------------------- figures

    private static void row(String label, double[] values) {
        if (values.length == 0) {
            return;
        }
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        double mean = java.util.Arrays.stream(sorted).average().orElse(0);
        System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |%n", label, sorted.length,
                pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted[sorted.length - 1], sorted[0], mean);
    }

    /** Nearest-rank percentile of sorted values. */
    static double pct(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static String match(Pattern pattern, String body, String what) {
        Matcher m = pattern.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no " + what + " in: " + body);
        }
        return m.group(1);
    }
}
