import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Open-model load at fixed arrival rates, with latency corrected for coordinated omission (wrk2's method: each
 * request has an intended start time on a fixed schedule, and its latency is counted from that time, not from when
 * a connection was free to send it; a stalled server therefore shows the whole wait of every request scheduled
 * behind the stall).
 * <p>
 * Run in source-file mode with HdrHistogram on the class path (no build):
 * {@code java -cp HdrHistogram-2.2.2.jar OpenLoop.java --url=... --token=... --rates=200,400,800 --duration=10}.
 * Prints one {@code RESULT} line per rate. It stops rising once a rate is not kept (fewer than 95 % of the
 * scheduled requests done within the row) or the corrected p99 exceeds {@code --max-p99-ms}: that rate is the
 * saturation point of the target.
 * <p>
 * The HTTP/1.1 client is a plain blocking socket per connection, written out here on purpose: it sends a request
 * built once as bytes and reads the answer by Content-Length or chunks, so the generator spends far less CPU per
 * request than the JDK HttpClient would on the same 2 cores as the servers it measures.
 */
public class OpenLoop {
    private final URI url;
    private final String method;
    private final String body;
    private final int connections;
    /** Rebuilt when the token is renewed (Keycloak's tokens live 5 minutes; a soak lasts longer). */
    private volatile byte[] request;

    OpenLoop(URI url, String method, String token, String body, int connections) {
        this.url = url;
        this.method = method;
        this.body = body;
        this.connections = connections;
        setToken(token);
    }

    void setToken(String token) {
        String path = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        StringBuilder r = new StringBuilder()
                .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(url.getHost()).append(':').append(url.getPort()).append("\r\n")
                .append("Accept: application/json\r\n");
        if (token != null && !token.isEmpty()) {
            r.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            r.append("Content-Type: application/json\r\nContent-Length: ").append(content.length).append("\r\n");
        }
        r.append("\r\n");
        byte[] head = r.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = new byte[head.length + content.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(content, 0, request, head.length, content.length);
        this.request = request;
    }

    /** A fresh password-grant token from Keycloak (the demo users' password is "demo"). */
    static String fetchToken(String keycloak, String user) throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var r = http.send(java.net.http.HttpRequest.newBuilder(URI.create(keycloak + "/realms/dcis/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=dcis-demo&username="
                        + user + "&password=demo")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        var m = java.util.regex.Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        if (!m.find()) {
            throw new IllegalStateException("no token for " + user + ": " + r.statusCode());
        }
        return m.group(1);
    }

    record Row(double rate, long scheduled, long done, long non2xx, long errors, double seconds, Histogram corrected,
            Histogram service, double maxP99Ms) {
        double achieved() {
            return done / seconds;
        }

        /**
         * The rate was served: at least 95 % of its requests done by the end of the row plus its grace, and the corrected
         * p99 within the bound (a target that finishes everything only by queueing for seconds did not keep the rate).
         */
        boolean kept() {
            return done >= 0.95 * scheduled && corrected.getValueAtPercentile(99) / 1000.0 <= maxP99Ms;
        }
    }

    /** One row: {@code rate} requests per second for {@code seconds}, the latencies of those that finish in time. */
    private double maxP99Ms = 1000;

    Row run(double rate, double seconds) throws InterruptedException {
        long interval = (long) (1e9 / rate);
        long total = (long) (rate * seconds);
        Recorder corrected = new Recorder(3_600_000_000L, 3);
        Recorder service = new Recorder(3_600_000_000L, 3);
        AtomicLong next = new AtomicLong();
        AtomicLong done = new AtomicLong();
        AtomicLong non2xx = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime() + 20_000_000L;
        // A row ends at its scheduled end plus a grace of one second (or 50 % of the row): what is not done by then
        // was not served at this rate (the row is counted as not kept), so a saturated target does not stretch the run.
        long deadline = start + (long) (seconds * 1e9) + Math.max(1_000_000_000L, (long) (seconds * 0.5e9));
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < connections; w++) {
            Thread t = new Thread(() -> {
                Connection c = null;
                try {
                    for (long i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                        long intended = start + i * interval;
                        long wait;
                        while ((wait = intended - System.nanoTime()) > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        if (System.nanoTime() > deadline) {
                            break;
                        }
                        long sent = System.nanoTime();
                        try {
                            if (c == null) {
                                c = new Connection(url.getHost(), url.getPort());
                            }
                            int status = c.exchange(this.request);
                            long end = System.nanoTime();
                            corrected.recordValue(Math.max(1, end - intended) / 1000);
                            service.recordValue(Math.max(1, end - sent) / 1000);
                            if (end <= deadline) {
                                done.incrementAndGet();
                            }
                            if (status < 200 || status > 299) {
                                non2xx.incrementAndGet();
                            }
                            if (!c.keepAlive) {
                                c.close();
                                c = null;
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                            if (c != null) {
                                c.close();
                            }
                            c = null;
                        }
                    }
                } finally {
                    if (c != null) {
                        c.close();
                    }
                }
            }, "open-loop-" + w);
            t.setDaemon(true);
            t.start();
            workers.add(t);
        }
        for (Thread t : workers) {
            t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000 + 2_000));
        }
        double elapsed = Math.min(System.nanoTime(), deadline) - start;
        return new Row(rate, total, done.get(), non2xx.get(), errors.get(), Math.max(seconds, elapsed / 1e9),
                corrected.getIntervalHistogram(), service.getIntervalHistogram(), maxP99Ms);
    }

    /** A kept-alive HTTP/1.1 connection; one exchange at a time. */
    static final class Connection {
        final Socket socket;
        final OutputStream out;
        final InputStream in;
        boolean keepAlive = true;
        /** The last answer's Location header, if any (the propagation run reads the created case's id there). */
        String location;

        Connection(String host, int port) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(60_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16_384);
        }

        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String status = line();
            if (!status.startsWith("HTTP/1.")) {
                throw new IOException("not HTTP: " + status);
            }
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            keepAlive = status.startsWith("HTTP/1.1");
            location = null;
            for (String h = line(); !h.isEmpty(); h = line()) {
                int colon = h.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = h.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> keepAlive = !value.equalsIgnoreCase("close");
                    case "location" -> location = value;
                    default -> {
                    }
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                        size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    skip(size);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                skip(length);
            } else {
                keepAlive = false; // read to the end of the connection
                while (in.read() >= 0) {
                }
            }
            return code;
        }

        private void skip(long n) throws IOException {
            while (n > 0) {
                long s = in.skip(n);
                if (s <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed in the body");
                    }
                    s = 1;
                }
                n -= s;
            }
        }

        private String line() throws IOException {
            StringBuilder b = new StringBuilder(64);
            for (int ch = in.read(); ; ch = in.read()) {
                if (ch < 0) {
                    throw new IOException("connection closed");
                }
                if (ch == '\n') {
                    int l = b.length();
                    return l > 0 && b.charAt(l - 1) == '\r' ? b.substring(0, l - 1) : b.toString();
                }
                b.append((char) ch);
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // nothing to do
            }
        }
    }

    static String result(String label, Row r) {
        Histogram h = r.corrected();
        Histogram s = r.service();
        return String.format(Locale.ROOT,
                "RESULT label=%s rate=%.0f scheduled=%d done=%d achieved=%.1f non2xx=%d errors=%d kept=%s "
                        + "p50_us=%d p90_us=%d p99_us=%d p999_us=%d max_us=%d svc_p50_us=%d svc_p99_us=%d",
                label, r.rate(), r.scheduled(), r.done(), r.achieved(), r.non2xx(), r.errors(), r.kept(),
                h.getValueAtPercentile(50), h.getValueAtPercentile(90), h.getValueAtPercentile(99),
                h.getValueAtPercentile(99.9), h.getMaxValue(), s.getValueAtPercentile(50), s.getValueAtPercentile(99));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new TreeMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            a.put(arg.substring(2, eq < 0 ? arg.length() : eq), eq < 0 ? "true" : arg.substring(eq + 1));
        }
        if (a.containsKey("propagation")) {
            Propagation.run(a);
            return;
        }
        URI url = URI.create(a.get("url"));
        String body = a.containsKey("body-file") ? java.nio.file.Files.readString(java.nio.file.Path.of(a.get("body-file"))) : null;
        OpenLoop loop = new OpenLoop(url, a.getOrDefault("method", body == null ? "GET" : "POST"), a.get("token"), body,
                Integer.parseInt(a.getOrDefault("connections", "64")));
        double duration = Double.parseDouble(a.getOrDefault("duration", "10"));
        double warmup = Double.parseDouble(a.getOrDefault("warmup", "3"));
        double maxP99 = Double.parseDouble(a.getOrDefault("max-p99-ms", "1000"));
        loop.maxP99Ms = maxP99;
        String label = a.getOrDefault("label", "run");
        if (a.containsKey("keycloak")) {
            String keycloak = a.get("keycloak");
            String user = a.getOrDefault("user", "analyst.hq");
            loop.setToken(fetchToken(keycloak, user));
            // Tokens live 300 s: a fresh one every 2 minutes, on a scheduler (a daemon: it ends with the run).
            var renewal = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "token-renewal");
                thread.setDaemon(true);
                return thread;
            });
            renewal.scheduleWithFixedDelay(() -> {
                try {
                    loop.setToken(fetchToken(keycloak, user));
                } catch (Exception e) {
                    System.err.println("  token renewal failed: " + e);
                }
            }, 120, 120, java.util.concurrent.TimeUnit.SECONDS);
        }
        List<Double> rates = new ArrayList<>();
        for (String r : a.getOrDefault("rates", "100").split(",")) {
            rates.add(Double.parseDouble(r));
        }
        if (warmup > 0) {
            Row w = loop.run(rates.get(0), warmup);
            System.err.printf(Locale.ROOT, "  %s warm-up at %.0f/s: %d done%n", label, rates.get(0), w.done());
        }
        // --repeat=N: each rate N times in a row, never stopping early (the soak: one row per window)
        int repeat = Integer.parseInt(a.getOrDefault("repeat", "1"));
        List<Double> schedule = new ArrayList<>();
        for (double rate : rates) {
            for (int i = 0; i < repeat; i++) {
                schedule.add(rate);
            }
        }
        for (double rate : schedule) {
            Row r = loop.run(rate, duration);
            System.out.println(result(label, r));
            System.out.flush();
            System.err.printf(Locale.ROOT, "  %s %.0f/s: achieved %.0f/s, p99 %.1f ms (corrected)%n", label, rate,
                    r.achieved(), r.corrected().getValueAtPercentile(99) / 1000.0);
            if (repeat == 1 && !r.kept()) {
                break; // saturated: higher rates would only queue
            }
        }
    }

    /**
     * Event propagation at a fixed rate of writes: {@code POST /cases} (multilateral EU cases, internal and releasable
     * to the EU, so that each one is also fed to the EU partner topic) at {@code --rate} per second, paced as above,
     * while two Kafka consumers of this JVM read {@code dcis.cooperation.v1} and {@code dcis.partner.eu.v1} from their
     * end. For each created case: the time from the write's answer (its transaction has committed) until the first
     * record naming the case is read from each topic. Needs kafka-clients on the class path.
     */
    static final class Propagation {
        private static final java.util.regex.Pattern UUID_TEXT =
                java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

        static void run(Map<String, String> a) throws Exception {
            String keycloak = a.get("keycloak");
            URI url = URI.create(a.get("url"));
            double rate = Double.parseDouble(a.getOrDefault("rate", "200"));
            double seconds = Double.parseDouble(a.getOrDefault("duration", "20"));
            int connections = Integer.parseInt(a.getOrDefault("connections", "32"));
            List<String> topics = List.of(a.getOrDefault("topics", "dcis.cooperation.v1,dcis.partner.eu.v1").split(","));
            // The three demo officers, each writing cases of its own post: cooperation-service serialises the writes
            // of one post (DashboardUpdater's advisory lock per lead post), so one post alone caps the rate.
            List<String[]> writers = new ArrayList<>();
            for (String spec : a.getOrDefault("writers", "officer.dakar:SN-DAKAR:SN,officer.bogota:CO-BOGOTA:CO,"
                    + "officer.rabat:MA-RABAT:MA").split(",")) {
                String[] w = spec.split(":");
                String body = "{\"title\":\"Benchmark EU case\",\"summary\":\"Opened by deploy/bench (propagation)\","
                        + "\"framework\":\"MULTILATERAL\",\"organisation\":\"EU\",\"releasableTo\":[\"EU\"],"
                        + "\"themes\":[\"DRUG_TRAFFICKING\"],\"leadPost\":\"" + w[1] + "\",\"countries\":[\"" + w[2]
                        + "\"],\"handling\":\"INTERNAL\",\"expectedReturn\":\"Benchmark only\"}";
                writers.add(new String[] { fetchToken(keycloak, w[0]), body });
            }

            var answered = new java.util.concurrent.ConcurrentHashMap<String, Long>();
            Map<String, java.util.concurrent.ConcurrentHashMap<String, Long>> consumed = new TreeMap<>();
            List<Thread> readers = new ArrayList<>();
            var ready = new java.util.concurrent.CountDownLatch(topics.size());
            var stop = new java.util.concurrent.atomic.AtomicBoolean();
            // The readers notify it after each batch of records, so the end of the run waits for the last events
            // without polling.
            Object arrived = new Object();
            for (String topic : topics) {
                var seen = new java.util.concurrent.ConcurrentHashMap<String, Long>();
                consumed.put(topic, seen);
                Thread reader = new Thread(() -> read(a.get("bootstrap"), topic, seen, ready, stop, arrived), "read-" + topic);
                reader.setDaemon(true);
                reader.start();
                readers.add(reader);
            }
            if (!ready.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IllegalStateException("the Kafka consumers did not get their partitions");
            }

            long interval = (long) (1e9 / rate);
            long total = (long) (rate * seconds);
            AtomicLong next = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            Recorder writeLatency = new Recorder(3_600_000_000L, 3);
            long start = System.nanoTime() + 50_000_000L;
            long writeDeadline = start + (long) (seconds * 1e9) + 10_000_000_000L;
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < connections; w++) {
                String[] writer = writers.get(w % writers.size());
                Thread t = new Thread(() -> {
                    Connection c = null;
                    for (long i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                        long intended = start + i * interval;
                        long wait;
                        while ((wait = intended - System.nanoTime()) > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        if (System.nanoTime() > writeDeadline) {
                            break; // the service cannot keep the rate: what is left is not sent (counted as not created)
                        }
                        try {
                            if (c == null) {
                                c = new Connection(url.getHost(), url.getPort());
                            }
                            OpenLoop one = new OpenLoop(url, "POST", writer[0], writer[1], 1);
                            byte[] request = withHeader(one.request, "Idempotency-Key: " + java.util.UUID.randomUUID());
                            int status = c.exchange(request);
                            long end = System.nanoTime();
                            writeLatency.recordValue(Math.max(1, end - intended) / 1000);
                            java.util.regex.Matcher id = c.location == null ? null : UUID_TEXT.matcher(c.location);
                            if (status == 201 && id != null && id.find()) {
                                answered.put(id.group(), end);
                            } else {
                                failed.incrementAndGet();
                            }
                            if (!c.keepAlive) {
                                c.close();
                                c = null;
                            }
                        } catch (IOException e) {
                            failed.incrementAndGet();
                            if (c != null) {
                                c.close();
                            }
                            c = null;
                        }
                    }
                    if (c != null) {
                        c.close();
                    }
                }, "write-" + w);
                t.start();
                threads.add(t);
            }
            for (Thread t : threads) {
                t.join();
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            // let the last events arrive (bounded)
            long until = System.nanoTime() + 10_000_000_000L;
            synchronized (arrived) {
                long left;
                while ((left = until - System.nanoTime()) > 0
                        && consumed.values().stream().anyMatch(m -> !m.keySet().containsAll(answered.keySet()))) {
                    arrived.wait(Math.max(1, left / 1_000_000));
                }
            }
            stop.set(true);
            Histogram writes = writeLatency.getIntervalHistogram();
            System.out.println(String.format(Locale.ROOT,
                    "RESULT label=writes rate=%.0f scheduled=%d created=%d failed=%d achieved=%.1f p50_us=%d p99_us=%d max_us=%d",
                    rate, total, answered.size(), failed.get(), answered.size() / elapsed, writes.getValueAtPercentile(50),
                    writes.getValueAtPercentile(99), writes.getMaxValue()));
            for (String topic : topics) {
                Histogram h = new Histogram(3_600_000_000L, 3);
                long missing = 0;
                long early = 0;
                for (Map.Entry<String, Long> e : answered.entrySet()) {
                    Long at = consumed.get(topic).get(e.getKey());
                    if (at == null) {
                        missing++;
                    } else {
                        long micros = (at - e.getValue()) / 1000;
                        if (micros < 0) {
                            early++; // read before the HTTP answer reached the client: propagation under its own answer
                        }
                        h.recordValue(Math.max(0, micros));
                    }
                }
                System.out.println(String.format(Locale.ROOT,
                        "RESULT label=%s events=%d missing=%d before_answer=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d",
                        topic, h.getTotalCount(), missing, early, h.getValueAtPercentile(50), h.getValueAtPercentile(90),
                        h.getValueAtPercentile(99), h.getMaxValue()));
            }
        }

        private static byte[] withHeader(byte[] request, String header) {
            String text = new String(request, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            return (text.substring(0, end) + "\r\n" + header + text.substring(end)).getBytes(StandardCharsets.ISO_8859_1);
        }

        private static void read(String bootstrap, String topic, Map<String, Long> seen,
                java.util.concurrent.CountDownLatch ready, java.util.concurrent.atomic.AtomicBoolean stop, Object arrived) {
            var props = new java.util.Properties();
            props.put("bootstrap.servers", bootstrap);
            props.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
            props.put("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
            props.put("enable.auto.commit", "false");
            props.put("fetch.max.wait.ms", "5");
            try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(props)) {
                var partitions = consumer.partitionsFor(topic).stream()
                        .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position); // resolve the end now, before any write
                ready.countDown();
                while (!stop.get()) {
                    var records = consumer.poll(java.time.Duration.ofMillis(20));
                    long now = System.nanoTime();
                    for (var r : records) {
                        String text = (r.key() == null ? "" : r.key()) + " " + (r.value() == null ? "" : r.value());
                        var m = UUID_TEXT.matcher(text);
                        while (m.find()) {
                            seen.putIfAbsent(m.group(), now);
                        }
                    }
                    if (!records.isEmpty()) {
                        synchronized (arrived) {
                            arrived.notifyAll();
                        }
                    }
                }
            }
        }
    }
}
