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
 * With {@code --steady-rate=R} it runs a third measure instead (the runner's propagation phase, see
 * {@link #steadyPropagation}): registry writes at a fixed R per second spread over a few bench posts, each write's
 * time until the directory shows it.
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
        if (options.containsKey("steady-rate")) {
            bench.steadyPropagation(Double.parseDouble(options.get("steady-rate")),
                    Double.parseDouble(options.getOrDefault("steady-duration", "30")),
                    Integer.parseInt(options.getOrDefault("steady-posts", "20")),
                    Duration.ofMillis(Long.parseLong(options.getOrDefault("steady-poll-ms", "10"))).toNanos());
            return;
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

    // ---------------------------------------------------------------- propagation at a steady write rate

    /** One bench post of the steady run: its current version (the next If-Match) and its writes not yet seen. */
    static final class BenchPost {
        final String id;
        volatile long version;
        /** version -> nanoTime of the write's answer, for the writes the directory has not shown yet */
        final java.util.concurrent.ConcurrentSkipListMap<Long, Long> pending = new java.util.concurrent.ConcurrentSkipListMap<>();

        BenchPost(String id, long version) {
            this.id = id;
            this.version = version;
        }
    }

    /**
     * Registry -> cooperation directory at a fixed write rate. Opens {@code postCount} bench posts (ids with the
     * {@code -BENCH-} marker, one free host country each: the registry has too few free countries for hundreds of
     * posts or coverage changes per second), then sends {@code PUT /posts/{id}} (city, embassy, contact; If-Match) as
     * admin.registry through the gateway on a fixed schedule, {@code rate} per second spread round-robin over the
     * posts. Each post has one writer (its writes chain on If-Match, and posts-service serialises a post's changes
     * with a row lock anyway) and one poller of {@code GET /directory/posts/{id}} on cooperation-service, which polls
     * only while the post has writes not yet shown. Per write: from its answer until a poll shows that version or a
     * later one (the poll's end: an upper bound by up to one poll period). Posts are closed at the end, also after a
     * failure. Prints the Markdown section and one RESULT line per measure for the runner's CSV and goals.
     */
    void steadyPropagation(double rate, double seconds, int postCount, long pollNanos) throws Exception {
        String admin = "admin.registry";
        String today = match(ON, get(gateway + "/api/posts/countries/SN/post", admin).body(), "registry's today");
        List<String> free = new ArrayList<>();
        Matcher codes = CODE.matcher(get(gateway + "/api/posts/countries?covered=false&size=200", admin).body());
        while (codes.find()) {
            free.add(codes.group(1));
        }
        Collections.shuffle(free);
        int n = Math.min(postCount, free.size());
        if (n == 0) {
            throw new IllegalStateException("no uncovered country to open a bench post in");
        }
        List<BenchPost> posts = new ArrayList<>();
        long interval = (long) (1e9 / rate);
        long total = (long) (rate * seconds);
        double[] visible = new double[(int) total];
        double[] writeCorrected = new double[(int) total];
        double[] writeService = new double[(int) total];
        boolean[] recorded = new boolean[(int) total];
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger notSent = new AtomicInteger();
        AtomicInteger late = new AtomicInteger();
        AtomicInteger beforeAnswer = new AtomicInteger();
        // index of each write by post and version, so that the pollers can file the figure under it
        Map<String, java.util.concurrent.ConcurrentHashMap<Long, Integer>> indexOf = new java.util.concurrent.ConcurrentHashMap<>();
        var stop = new java.util.concurrent.atomic.AtomicBoolean();
        // Notified when a write is waiting to be seen, when the directory showed some, and at the end: the pollers
        // and the end of the run wait on it instead of polling an empty queue.
        Object progress = new Object();
        List<Thread> pollers = new ArrayList<>();
        double elapsed = 0;
        try {
            for (int p = 0; p < n; p++) {
                String host = free.get(p);
                String id = host + MARKER + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
                String body = "{\"id\":\"" + id + "\",\"hostCountry\":\"" + host + "\",\"city\":\"Bench " + host
                        + "\",\"embassy\":\"Ambassade de France (benchmark)\",\"openedOn\":\"" + today
                        + "\",\"contact\":{\"email\":\"bench@example.org\",\"phone\":\"+33 1 00 00 00 00\"}}";
                HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(gateway + "/api/posts/posts"))
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofString(body)), admin);
                if (r.statusCode() != 201) {
                    throw new IllegalStateException("opening " + id + " answered " + r.statusCode() + ": " + r.body());
                }
                BenchPost post = new BenchPost(id, Long.parseLong(match(VERSION, r.body(), "version of " + id)));
                posts.add(post);
                indexOf.put(id, new java.util.concurrent.ConcurrentHashMap<>());
            }
            // Warm-up, not counted: every post updated once and seen in the directory (both services' paths hot).
            for (BenchPost post : posts) {
                HttpResponse<String> r = updatePost(post, -1, admin);
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("warm-up update of " + post.id + " answered " + r.statusCode() + ": " + r.body());
                }
                post.version = Long.parseLong(match(VERSION, r.body(), "version of " + post.id));
            }
            long warmDeadline = System.nanoTime() + PROPAGATION_LIMIT.toNanos();
            for (BenchPost post : posts) {
                while (directoryVersion(post.id) < post.version) {
                    if (System.nanoTime() > warmDeadline) {
                        throw new IllegalStateException(post.id + " v" + post.version + " not in the directory after " + PROPAGATION_LIMIT);
                    }
                    java.util.concurrent.locks.LockSupport.parkNanos(pollNanos);
                }
            }
            System.err.printf("  steady propagation: %d bench posts open, %d writes at %.0f/s ...%n", n, total, rate);

            for (BenchPost post : posts) {
                Thread poller = new Thread(() -> {
                    var index = indexOf.get(post.id);
                    while (!stop.get()) {
                        if (post.pending.isEmpty()) {
                            synchronized (progress) {
                                while (post.pending.isEmpty() && !stop.get()) {
                                    try {
                                        progress.wait();
                                    } catch (InterruptedException e) {
                                        Thread.currentThread().interrupt();
                                        return;
                                    }
                                }
                            }
                            continue;
                        }
                        long polled = System.nanoTime();
                        long seenVersion;
                        try {
                            seenVersion = directoryVersion(post.id);
                        } catch (Exception e) {
                            System.err.println("  directory poll of " + post.id + " failed: " + e);
                            seenVersion = -1;
                        }
                        long seen = System.nanoTime();
                        var shown = post.pending.headMap(seenVersion, true);
                        for (var e : shown.entrySet()) {
                            Integer i = index.get(e.getKey());
                            if (i != null) {
                                long nanos = seen - e.getValue();
                                if (nanos < 0) {
                                    beforeAnswer.incrementAndGet();
                                }
                                visible[i] = millis(Math.max(0, nanos));
                                recorded[i] = true;
                            }
                        }
                        shown.clear();
                        synchronized (progress) {
                            progress.notifyAll();
                        }
                        long pause = pollNanos - (System.nanoTime() - polled);
                        if (pause > 0) {
                            // A benchmark's pacing, not a test waiting for a condition.
                            java.util.concurrent.locks.LockSupport.parkNanos(pause);
                        }
                    }
                }, "poll-" + post.id);
                poller.setDaemon(true);
                poller.start();
                pollers.add(poller);
            }

            // One writer per post; write i goes to post i % n at start + i * interval (open model: a late write does
            // not push the schedule back, its lateness shows in the corrected write latency).
            long start = System.nanoTime() + 50_000_000L;
            long writeDeadline = start + (long) (seconds * 1e9) + 10_000_000_000L;
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < n; w++) {
                BenchPost post = posts.get(w);
                int first = w;
                Thread t = new Thread(() -> {
                    for (long i = first; i < total; i += n) {
                        long intended = start + i * interval;
                        long wait;
                        while ((wait = intended - System.nanoTime()) > 0) {
                            java.util.concurrent.locks.LockSupport.parkNanos(wait);
                        }
                        long sent = System.nanoTime();
                        if (sent > writeDeadline) {
                            notSent.addAndGet((int) ((total - i + n - 1) / n));
                            break; // the stack cannot keep the rate: what is left is not sent
                        }
                        if (sent - intended > interval * n) {
                            late.incrementAndGet(); // started more than one of its post's slots behind schedule
                        }
                        try {
                            HttpResponse<String> r = updatePost(post, i, admin);
                            long acked = System.nanoTime();
                            if (r.statusCode() != 200) {
                                failed.incrementAndGet();
                                System.err.println("  update of " + post.id + " answered " + r.statusCode() + ": " + r.body());
                                // re-read the version so that the next write's If-Match is right
                                post.version = Long.parseLong(match(VERSION, get(gateway + "/api/posts/posts/" + post.id, admin).body(), "version"));
                                continue;
                            }
                            long version = Long.parseLong(match(VERSION, r.body(), "version of " + post.id));
                            post.version = version;
                            writeCorrected[(int) i] = millis(acked - intended);
                            writeService[(int) i] = millis(acked - sent);
                            indexOf.get(post.id).put(version, (int) i);
                            post.pending.put(version, acked);
                            synchronized (progress) {
                                progress.notifyAll();
                            }
                        } catch (Exception e) {
                            failed.incrementAndGet();
                            System.err.println("  update of " + post.id + " failed: " + e);
                        }
                    }
                }, "write-" + post.id);
                t.start();
                writers.add(t);
            }
            for (Thread t : writers) {
                t.join();
            }
            elapsed = (System.nanoTime() - start) / 1e9;
            long until = System.nanoTime() + PROPAGATION_LIMIT.toNanos() / 2;
            synchronized (progress) {
                long left;
                while ((left = until - System.nanoTime()) > 0 && posts.stream().anyMatch(p -> !p.pending.isEmpty())) {
                    progress.wait(Math.max(1, left / 1_000_000));
                }
            }
        } finally {
            stop.set(true);
            synchronized (progress) {
                progress.notifyAll();
            }
            for (Thread poller : pollers) {
                poller.join(2_000);
            }
            for (BenchPost post : posts) {
                HttpResponse<String> r = put("/api/posts/posts/" + post.id + "/status", "{\"status\":\"CLOSED\"}", post.id, admin);
                if (r.statusCode() != 200) {
                    System.err.println("  closing " + post.id + " answered " + r.statusCode() + ": " + r.body());
                }
            }
            System.err.printf("  steady propagation: %d bench posts closed%n", posts.size());
        }
        int missing = posts.stream().mapToInt(p -> p.pending.size()).sum();
        List<Double> v = new ArrayList<>();
        List<Double> wc = new ArrayList<>();
        List<Double> ws = new ArrayList<>();
        int written = 0;
        for (int i = 0; i < total; i++) {
            if (writeService[i] > 0) {
                written++;
                wc.add(writeCorrected[i]);
                ws.add(writeService[i]);
            }
            if (recorded[i]) {
                v.add(visible[i]);
            }
        }
        double[] vis = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] wcs = wc.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] wss = ws.stream().mapToDouble(Double::doubleValue).sorted().toArray();

        System.out.printf(Locale.ROOT, "### Registry → cooperation directory at %.0f writes/s%n%n", rate);
        System.out.printf(Locale.ROOT, "admin.registry updates %d bench posts (`-BENCH-` ids, opened in free countries for this run and "
                + "closed after it) through the gateway: `PUT /api/posts/posts/{id}` (city, embassy, contact; `If-Match`) at a fixed "
                + "%.0f per second in all for %.0f s, round-robin over the posts (one writer per post: its writes chain on "
                + "If-Match; open model, a late write does not move the schedule). One poller per post reads "
                + "`GET /directory/posts/{id}` on cooperation-service every %d ms while the post has writes not yet shown. "
                + "*propagation* = from the write's answer until a poll shows that version or a later one (the poll's end: "
                + "upper bound by up to one poll); *write* = the gateway's answer, from the write's scheduled start "
                + "(corrected) and from its send. One update per post before, seen in the directory, warms up and is not "
                + "counted.%n%n", n, rate, seconds, pollNanos / 1_000_000);
        System.out.printf(Locale.ROOT, "Writes: %d answered 200 of %d scheduled, %d failed, %d not sent (past the schedule + 10 s), "
                + "%d started over one slot late; %.1f/s achieved; %d shown in the directory, %d missing after 30 s, %d seen "
                + "before their answer reached the client (counted as 0).%n%n",
                written, total, failed.get(), notSent.get(), late.get(), elapsed > 0 ? written / elapsed : 0, vis.length,
                missing, beforeAnswer.get());
        System.out.println("| measure | n | p50 ms | p90 ms | p99 ms | max ms | min ms | mean ms |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        row("propagation (outbox → Kafka → directory)", vis);
        row("write, corrected (from its scheduled start)", wcs);
        row("write, from its send", wss);
        System.out.println();
        System.out.printf(Locale.ROOT, "RESULT label=registry-directory rate=%.0f posts=%d scheduled=%d written=%d failed=%d not_sent=%d "
                + "achieved=%.1f events=%d missing=%d before_answer=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d "
                + "write_p50_us=%d write_p99_us=%d%n", rate, n, total, written, failed.get(), notSent.get(),
                elapsed > 0 ? written / elapsed : 0, vis.length, missing, beforeAnswer.get(), us(vis, 50), us(vis, 90),
                us(vis, 99), vis.length == 0 ? 0 : (long) (vis[vis.length - 1] * 1000), us(wcs, 50), us(wcs, 99));
    }

    private static long us(double[] sorted, double p) {
        return sorted.length == 0 ? 0 : (long) (pct(sorted, p) * 1000);
    }

    /** {@code PUT /posts/{id}}: a new city (so each write changes the post), the same embassy and contact. */
    private HttpResponse<String> updatePost(BenchPost post, long i, String user) throws Exception {
        String body = "{\"city\":\"Bench " + post.id.substring(0, 2) + " " + i + "\",\"embassy\":\"Ambassade de France (benchmark)\","
                + "\"contact\":{\"email\":\"bench@example.org\",\"phone\":\"+33 1 00 00 00 00\"}}";
        return send(HttpRequest.newBuilder(URI.create(gateway + "/api/posts/posts/" + post.id))
                .header("If-Match", "\"" + post.version + "\"").PUT(HttpRequest.BodyPublishers.ofString(body)), user);
    }

    /** The version cooperation-service's directory shows for a post, or -1 while it does not know it. */
    private long directoryVersion(String id) throws Exception {
        HttpResponse<String> entry = get(cooperation + "/directory/posts/" + id, "admin.registry");
        if (entry.statusCode() == 404) {
            return -1;
        }
        if (entry.statusCode() != 200) {
            throw new IllegalStateException("directory " + id + " answered " + entry.statusCode() + ": " + entry.body());
        }
        return Long.parseLong(match(VERSION, entry.body(), "directory version"));
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
