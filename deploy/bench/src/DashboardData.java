import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The dashboard benchmark's database side, run in source-file mode with the PostgreSQL JDBC driver on the class path
 * ({@code java -cp postgresql.jar DashboardData.java MODE ...}; {@code deploy/bench/dashboard} does it):
 * <ul>
 * <li>{@code generate}: writes a synthetic history of cases and actions (default 100 000 and 1 000 000) into the
 * cooperation database with {@code COPY ... FROM STDIN}, one transaction, deterministic from a seed, over the five
 * years before today (Paris calendar) and across the posts of the service's own directory and the missions of its
 * mission table. Every row is marked: {@code created_by = 'bench:dashboard'} and titles starting with
 * {@code [bench]}. It writes the cases and actions only: the dashboard's read model is rebuilt afterwards by the
 * service itself ({@code DashboardRebuild}, at start with {@code DCIS_COOPERATION_DASHBOARD_REBUILD_AT_START=true}).
 * Refuses (exit 3) when bench rows are already there, unless {@code --replace} (which deletes them first).</li>
 * <li>{@code facts}: row counts of the source and read-model tables, as Markdown table rows.</li>
 * <li>{@code explain FILE}: runs {@code EXPLAIN (ANALYZE, BUFFERS)} on each statement of FILE (separated by lines
 * starting with {@code -- name:}), twice (the first warms the cache), and prints the second plan of each.</li>
 * </ul>
 * Connection from {@code --jdbc}, {@code --user}, {@code --password}.
 */
public class DashboardData {
    static final String MARKER = "bench:dashboard";
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        List<String> positional = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                opts.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "true" : arg.substring(eq + 1));
            } else {
                positional.add(arg);
            }
        }
        String mode = positional.isEmpty() ? "" : positional.get(0);
        try (Connection db = DriverManager.getConnection(opts.getOrDefault("jdbc", "jdbc:postgresql://localhost:5432/cooperation"),
                opts.getOrDefault("user", "cooperation"), opts.getOrDefault("password", "cooperation"))) {
            switch (mode) {
                case "generate" -> System.exit(new Generator(db, Long.parseLong(opts.getOrDefault("seed", "20261206")),
                        Integer.parseInt(opts.getOrDefault("cases", "100000")),
                        Integer.parseInt(opts.getOrDefault("actions", "1000000")),
                        Boolean.parseBoolean(opts.getOrDefault("replace", "false"))).run());
                case "facts" -> facts(db);
                case "explain" -> explain(db, Path.of(positional.get(1)));
                case "query" -> query(db, positional.get(1));
                default -> {
                    System.err.println("usage: DashboardData generate|facts|explain FILE|query SQL [--jdbc=URL --user= --password=]"
                            + " [--cases=100000 --actions=1000000 --seed=N --replace]");
                    System.exit(2);
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------ facts

    static void facts(Connection db) throws SQLException {
        String[][] counts = {
                { "cases (all)", "SELECT count(*) FROM cooperation_case" },
                { "cases of the bench (`created_by = 'bench:dashboard'`)", "SELECT count(*) FROM cooperation_case WHERE created_by = '" + MARKER + "'" },
                { "cases of the demo history", "SELECT count(*) FROM cooperation_case WHERE created_by = 'cooperation-service:demo-history'" },
                { "actions (all)", "SELECT count(*) FROM cooperation_action" },
                { "actions of the bench", "SELECT count(*) FROM cooperation_action WHERE created_by = '" + MARKER + "'" },
                { "cancelled actions (all)", "SELECT count(*) FROM cooperation_action WHERE status = 'CANCELLED'" },
                { "first and last action day", "SELECT min(COALESCE(actual_start, planned_start)) || ' .. ' || max(COALESCE(actual_start, planned_start)) FROM cooperation_action" },
                { "posts in the directory (not closed)", "SELECT count(*) FROM directory_post WHERE status <> 'CLOSED'" },
                { "posts with cases", "SELECT count(DISTINCT lead_post) FROM cooperation_case" },
                { "dashboard_case_fact rows", "SELECT count(*) FROM dashboard_case_fact" },
                { "dashboard_action_fact rows", "SELECT count(*) FROM dashboard_action_fact" },
                { "dashboard_indicator_fact rows", "SELECT count(*) FROM dashboard_indicator_fact" },
                { "dashboard_rollup rows", "SELECT count(*) FROM dashboard_rollup" },
                { "dashboard_indicator_rollup rows", "SELECT count(*) FROM dashboard_indicator_rollup" },
                { "database size", "SELECT pg_size_pretty(pg_database_size(current_database()))" },
                { "read model size (tables + indexes)", "SELECT pg_size_pretty(sum(pg_total_relation_size(c.oid))) FROM pg_class c"
                        + " WHERE c.relkind = 'r' AND c.relname LIKE 'dashboard\\_%'" },
                { "PostgreSQL shared_buffers / work_mem", "SELECT current_setting('shared_buffers') || ' / ' || current_setting('work_mem')" },
                { "PostgreSQL", "SELECT split_part(version(), ',', 1)" } };
        try (Statement st = db.createStatement()) {
            for (String[] c : counts) {
                try (ResultSet rs = st.executeQuery(c[1])) {
                    rs.next();
                    System.out.println("| " + c[0] + " | " + rs.getString(1) + " |");
                }
            }
        }
    }

    /** Any SELECT, its rows as Markdown table rows (for looking at the history). */
    static void query(Connection db, String sql) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder line = new StringBuilder("|");
                for (int i = 1; i <= n; i++) {
                    line.append(' ').append(rs.getString(i)).append(" |");
                }
                System.out.println(line);
            }
        }
    }

    // ------------------------------------------------------------------------------------------ explain

    static void explain(Connection db, Path file) throws IOException, SQLException {
        Map<String, String> statements = new LinkedHashMap<>();
        String name = null;
        StringBuilder sql = new StringBuilder();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("-- name:")) {
                if (name != null) {
                    statements.put(name, sql.toString());
                }
                name = line.substring("-- name:".length()).strip();
                sql.setLength(0);
            } else if (name != null && !line.startsWith("--")) {
                sql.append(line).append('\n');
            }
        }
        if (name != null) {
            statements.put(name, sql.toString());
        }
        try (Statement st = db.createStatement()) {
            for (Map.Entry<String, String> s : statements.entrySet()) {
                String text = s.getValue().strip().replaceAll(";$", "");
                String plan = null;
                for (int i = 0; i < 2; i++) {
                    StringBuilder out = new StringBuilder();
                    try (ResultSet rs = st.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + text)) {
                        while (rs.next()) {
                            out.append(rs.getString(1)).append('\n');
                        }
                    }
                    plan = out.toString();
                }
                System.out.println("=== " + s.getKey());
                System.out.println(text);
                System.out.println();
                System.out.println(plan);
            }
        }
    }

    // ------------------------------------------------------------------------------------------ generate

    /** The history: case skeletons first (COPY of the cases), then each case's actions from its own seed (COPY). */
    static final class Generator {
        static final String[] THEMES = { "DRUG_TRAFFICKING", "ARMS_TRAFFICKING", "CYBERCRIME", "TERRORISM",
                "ORGANISED_CRIME", "IRREGULAR_IMMIGRATION", "EXPERTISE_EXPORT" };
        static final Map<String, int[]> THEME_WEIGHTS = Map.of(
                "AFRICA", new int[] { 20, 10, 5, 20, 12, 18, 15 },
                "EUROPE", new int[] { 18, 10, 20, 15, 22, 10, 5 },
                "ASIA", new int[] { 18, 6, 20, 20, 16, 8, 12 },
                "AMERICAS", new int[] { 40, 10, 12, 3, 20, 5, 10 },
                "OCEANIA", new int[] { 30, 5, 15, 5, 20, 10, 15 });
        static final Set<String> EUROPE = Set.of("AL", "AT", "BA", "BE", "BG", "BY", "CH", "CY", "CZ", "DE", "DK", "EE",
                "ES", "FI", "GB", "GR", "HR", "HU", "IE", "IS", "IT", "LT", "LU", "LV", "MD", "ME", "MK", "MT", "NL",
                "NO", "PL", "PT", "RO", "RS", "RU", "SE", "SI", "SK", "UA", "XK", "AD", "MC", "SM", "LI", "VA");
        static final Set<String> ASIA = Set.of("TR", "IL", "LB", "JO", "SA", "AE", "IR", "IQ", "PK", "IN", "CN", "JP",
                "KR", "TH", "ID", "MY", "SG", "KZ", "SY", "PS", "QA", "KW", "BH", "OM", "YE", "AF", "BD", "LK", "NP",
                "VN", "KH", "LA", "MM", "PH", "MN", "UZ", "TM", "KG", "TJ", "AZ", "AM", "GE", "KP", "TW", "HK", "MO",
                "BN", "TL", "BT", "MV");
        static final Set<String> AMERICAS = Set.of("US", "CA", "MX", "CO", "BR", "AR", "CL", "PE", "EC", "PA", "DO",
                "CU", "TT", "VE", "BO", "PY", "UY", "GY", "SR", "CR", "NI", "HN", "SV", "GT", "BZ", "HT", "JM", "BS",
                "BB", "LC", "VC", "GD", "AG", "DM", "KN");
        static final Set<String> OCEANIA = Set.of("AU", "FJ", "NZ", "PG", "VU", "SB", "WS", "TO", "KI", "NR", "TV",
                "FM", "MH", "PW");
        static final Set<String> WEST_AFRICA = Set.of("SN", "CI", "GN", "NG", "GH", "NE", "BF", "ML", "GM", "GW", "CV",
                "LR", "SL", "TG", "BJ");
        static final String[] SPECIALITIES = { "JUDICIAL_INVESTIGATION", "FORENSIC_SCIENCE", "PUBLIC_ORDER",
                "BORDER_MANAGEMENT", "CYBER_INVESTIGATION", "CRISIS_MANAGEMENT", "INTELLIGENCE_ANALYSIS",
                "PROTECTION_OF_PERSONS", "ROAD_SAFETY" };
        static final String[] CANCELLATIONS = { "Postponed sine die by the partner administration",
                "Security situation in the area: travel advice red", "Partner agency reorganised; project stopped",
                "Budget line not renewed", "Political crisis: cooperation suspended by the partner",
                "Trainees not designated by the partner in time", "Flights cancelled (airspace closed)" };
        static final String[] AGENCIES = { "National police", "Gendarmerie", "Customs", "Judicial police",
                "Anti-drug agency", "Border police", "Financial intelligence unit", "Cybercrime unit", "Coast guard",
                "Ministry of the interior" };
        static final String[] FRENCH_CITIES = { "Paris", "Lyon", "Marseille", "Melun", "Nîmes", "Saint-Astier" };

        record Post(String id, String host, String city, String status, LocalDate openedOn, List<String> coverage,
                String continent, double activity) {
        }

        record Mission(String code, String organisation, List<String> hosts, LocalDate startsOn, LocalDate endsOn,
                List<Post> leads) {
        }

        /** What the actions of a case need to know of it. */
        record Skeleton(UUID id, Post post, String[] themes, String partner, String[] countries, LocalDate openedOn,
                LocalDate plannedEnd, boolean closes, LocalDate closedOn, int actions, long seed) {
        }

        /** Open cases have planned actions up to this far ahead. */
        static final int FUTURE_DAYS = 60;

        final Connection db;
        final long seed;
        final int caseCount;
        final int actionCount;
        final boolean replace;
        final Random random;
        final LocalDate today = LocalDate.now(PARIS);
        final LocalDate first = today.minusYears(5).plusDays(1);

        Generator(Connection db, long seed, int cases, int actions, boolean replace) {
            this.db = db;
            this.seed = seed;
            this.caseCount = cases;
            this.actionCount = actions;
            this.replace = replace;
            this.random = new Random(seed);
        }

        int run() throws SQLException, IOException {
            long began = System.nanoTime();
            db.setAutoCommit(false);
            try (Statement st = db.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM cooperation_case WHERE created_by = '" + MARKER + "'")) {
                    rs.next();
                    long existing = rs.getLong(1);
                    if (existing > 0 && !replace) {
                        System.err.println(existing + " bench cases are already in the database: nothing generated (--replace deletes"
                                + " them and generates afresh)");
                        return 3;
                    }
                    if (existing > 0) {
                        System.err.println("deleting " + existing + " bench cases and their actions ...");
                        st.executeUpdate("DELETE FROM cooperation_action a USING cooperation_case c WHERE c.id = a.case_id"
                                + " AND c.created_by = '" + MARKER + "'");
                        st.executeUpdate("DELETE FROM cooperation_case WHERE created_by = '" + MARKER + "'");
                    }
                }
            }
            List<Post> posts = posts();
            List<Mission> missions = missions(posts);
            System.err.printf("generating %d cases and %d actions over %s .. %s, %d posts, %d missions with a lead post%n",
                    caseCount, actionCount, first, today, posts.size(), missions.size());
            List<Skeleton> skeletons = skeletons(posts, missions);
            CopyIn cases = db.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY cooperation_case (id, title, summary,"
                    + " framework, partner_country, organisation, mission_code, themes, speciality, lead_post, countries,"
                    + " handling, releasable_to, status, opened_on, closed_on, expected_return, created_by, created_at,"
                    + " updated_at, version) FROM STDIN");
            Rows caseRows = new Rows(cases);
            for (Skeleton s : skeletons) {
                caseRow(s, caseRows);
            }
            long caseRowsWritten = caseRows.end();
            double caseSeconds = (System.nanoTime() - began) / 1e9;
            System.err.printf("  %d cases copied after %.1f s%n", caseRowsWritten, caseSeconds);
            CopyIn actions = db.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY cooperation_action (id, case_id, kind,"
                    + " type, title, description, planned_start, planned_end, actual_start, actual_end, place_country,"
                    + " place_city, french_experts, partner_officers_involved, partner_officers_trained, partner_agencies,"
                    + " outcomes, status, cancellation_reason, created_by, created_at, updated_at, version) FROM STDIN");
            Rows actionRows = new Rows(actions);
            int progress = 0;
            for (Skeleton s : skeletons) {
                actions(s, actionRows);
                if (++progress % 20_000 == 0) {
                    System.err.printf("  actions of %d cases copied after %.1f s%n", progress, (System.nanoTime() - began) / 1e9);
                }
            }
            long actionRowsWritten = actionRows.end();
            db.commit();
            double copySeconds = (System.nanoTime() - began) / 1e9;
            db.setAutoCommit(true);
            try (Statement st = db.createStatement()) {
                st.execute("ANALYZE cooperation_case");
                st.execute("ANALYZE cooperation_action");
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            System.err.printf("  %d actions copied and committed after %.1f s; analysed after %.1f s%n", actionRowsWritten,
                    copySeconds, seconds);
            System.out.printf(Locale.ROOT, "GENERATED cases=%d actions=%d copy_s=%.1f total_s=%.1f seed=%d from=%s to=%s%n",
                    caseRowsWritten, actionRowsWritten, copySeconds, seconds, seed, first, today);
            return 0;
        }

        List<Post> posts() throws SQLException {
            List<Post> posts = new ArrayList<>();
            try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT id, host_country, city, status,"
                    + " opened_on, coverage FROM directory_post WHERE status <> 'CLOSED' AND id NOT LIKE 'XX-BENCH-%' ORDER BY id")) {
                while (rs.next()) {
                    Array coverage = rs.getArray(6);
                    TreeSet<String> covered = new TreeSet<>(Arrays.asList((String[]) coverage.getArray()));
                    covered.add(rs.getString(2));
                    LocalDate opened = rs.getObject(5, LocalDate.class);
                    // a skewed activity: a few busy posts, a long tail; suspended posts work little
                    double activity = 0.15 + 2.0 * Math.pow(random.nextDouble(), 1.6);
                    if (!"OPEN".equals(rs.getString(4))) {
                        activity *= 0.3;
                    }
                    posts.add(new Post(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            opened == null ? first : opened, List.copyOf(covered), continent(rs.getString(2)), activity));
                }
            }
            if (posts.isEmpty()) {
                throw new IllegalStateException("the directory holds no post: is the demo network loaded?");
            }
            return posts;
        }

        List<Mission> missions(List<Post> posts) throws SQLException {
            List<Mission> missions = new ArrayList<>();
            try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT code, organisation,"
                    + " host_countries, starts_on, ends_on FROM mission ORDER BY code")) {
                while (rs.next()) {
                    List<String> hosts = List.of((String[]) rs.getArray(3).getArray());
                    List<Post> leads = posts.stream().filter(p -> p.coverage().stream().anyMatch(hosts::contains)).toList();
                    LocalDate ends = rs.getObject(5, LocalDate.class);
                    if (!leads.isEmpty()) {
                        missions.add(new Mission(rs.getString(1), rs.getString(2), hosts, rs.getObject(4, LocalDate.class),
                                ends, leads));
                    }
                }
            }
            return missions;
        }

        static String continent(String country) {
            return EUROPE.contains(country) ? "EUROPE" : ASIA.contains(country) ? "ASIA"
                    : AMERICAS.contains(country) ? "AMERICAS" : OCEANIA.contains(country) ? "OCEANIA" : "AFRICA";
        }

        List<Skeleton> skeletons(List<Post> posts, List<Mission> missions) {
            double[] cumulative = new double[posts.size()];
            double sum = 0;
            for (int i = 0; i < posts.size(); i++) {
                sum += posts.get(i).activity();
                cumulative[i] = sum;
            }
            record Draft(Post post, Mission mission, String organisation, LocalDate openedOn, LocalDate plannedEnd,
                    boolean closes, double weight) {
            }
            List<Draft> drafts = new ArrayList<>(caseCount);
            double totalWeight = 0;
            for (int i = 0; i < caseCount; i++) {
                boolean multilateral = random.nextInt(100) < 30;
                Mission mission = null;
                Post post;
                String organisation = null;
                if (multilateral && random.nextInt(100) < 55 && !missions.isEmpty()) {
                    mission = missions.get(random.nextInt(missions.size()));
                    post = mission.leads().get(random.nextInt(mission.leads().size()));
                    organisation = mission.organisation();
                } else {
                    double r = random.nextDouble() * sum;
                    int k = Arrays.binarySearch(cumulative, r);
                    post = posts.get(Math.min(posts.size() - 1, k < 0 ? -k - 1 : k));
                    if (multilateral) {
                        organisation = organisationFor(post);
                    }
                }
                LocalDate lo = max(first, post.openedOn());
                LocalDate hi = today;
                if (mission != null) {
                    lo = max(lo, mission.startsOn());
                    if (mission.endsOn() != null) {
                        hi = min(hi, mission.endsOn().minusDays(60));
                    }
                    if (hi.isBefore(lo)) { // a mission over before the history: an organisation case instead
                        mission = null;
                        lo = max(first, post.openedOn());
                        hi = today;
                    }
                }
                long span = Math.max(0, ChronoUnit.DAYS.between(lo, hi));
                // more cases in recent years: the network grows
                LocalDate openedOn = lo.plusDays((long) Math.floor(span * Math.pow(random.nextDouble(), 0.75)));
                LocalDate plannedEnd = openedOn.plusDays(60 + (long) (Math.pow(random.nextDouble(), 1.5) * 1200));
                if (mission != null && mission.endsOn() != null) {
                    plannedEnd = max(openedOn, min(plannedEnd, mission.endsOn()));
                }
                boolean closes = plannedEnd.isBefore(today.minusDays(45)) && random.nextInt(100) < 92;
                LocalDate activityEnd = closes ? plannedEnd : today.plusDays(FUTURE_DAYS);
                double weight = Math.max(20, ChronoUnit.DAYS.between(openedOn, activityEnd)) * (0.3 + 1.4 * random.nextDouble());
                drafts.add(new Draft(post, mission, organisation, openedOn, plannedEnd, closes, weight));
                totalWeight += weight;
            }
            // actions per case: proportional to the case's span and weight, at least 1, exactly actionCount in all
            int[] counts = new int[caseCount];
            long assigned = 0;
            for (int i = 0; i < caseCount; i++) {
                counts[i] = (int) Math.max(1, Math.min(400, Math.round(actionCount * drafts.get(i).weight() / totalWeight)));
                assigned += counts[i];
            }
            while (assigned != actionCount) {
                int i = random.nextInt(caseCount);
                if (assigned < actionCount && counts[i] < 400) {
                    counts[i]++;
                    assigned++;
                } else if (assigned > actionCount && counts[i] > 1) {
                    counts[i]--;
                    assigned--;
                }
            }
            List<Skeleton> skeletons = new ArrayList<>(caseCount);
            for (int i = 0; i < caseCount; i++) {
                Draft d = drafts.get(i);
                String[] themes = themes(d.post(), d.mission());
                String partner = null;
                TreeSet<String> countries = new TreeSet<>();
                if (d.organisation() == null) {
                    partner = random.nextInt(100) < 65 ? d.post().host() : pick(d.post().coverage());
                    countries.add(partner);
                    if (d.post().coverage().size() > 1 && random.nextInt(100) < 15) {
                        countries.add(pick(d.post().coverage()));
                    }
                } else if (d.mission() != null) {
                    countries.addAll(d.mission().hosts());
                } else {
                    countries.add(d.post().host());
                }
                LocalDate closedOn = d.closes() ? min(today, d.plannedEnd().plusDays(5 + random.nextInt(56))) : null;
                skeletons.add(new Skeleton(uuid(random), d.post(), themes, partner, countries.toArray(String[]::new),
                        d.openedOn(), d.plannedEnd(), d.closes(), closedOn, counts[i], random.nextLong()));
                // the mission and organisation are written by caseRow from the draft's fields, kept below
                missionOf.put(skeletons.get(i).id(), d.mission() == null ? null : d.mission().code());
                organisationOf.put(skeletons.get(i).id(), d.organisation());
            }
            return skeletons;
        }

        final Map<UUID, String> missionOf = new HashMap<>();
        final Map<UUID, String> organisationOf = new HashMap<>();

        String organisationFor(Post post) {
            List<String> choices = switch (post.continent()) {
                case "AFRICA" -> WEST_AFRICA.contains(post.host())
                        ? List.of("ECOWAS", "AFRIPOL", "AU", "INTERPOL", "EU", "UN")
                        : List.of("AFRIPOL", "AU", "INTERPOL", "EU", "UN");
                case "EUROPE" -> List.of("EUROPOL", "EUROPOL", "OSCE", "INTERPOL", "EU");
                case "AMERICAS" -> List.of("AMERIPOL", "AMERIPOL", "INTERPOL", "UN", "EU");
                case "ASIA" -> List.of("INTERPOL", "UN", "OSCE", "EU");
                default -> List.of("INTERPOL", "UN");
            };
            return pick(choices);
        }

        /** One or two themes, stored in the enum's order as the service stores them. */
        String[] themes(Post post, Mission mission) {
            int primary = weighted(THEME_WEIGHTS.get(post.continent()));
            if (mission != null) {
                int[] w = THEME_WEIGHTS.get(post.continent()).clone();
                w[3] *= 2; // missions: more terrorism and expertise export
                w[6] *= 2;
                primary = weighted(w);
            }
            TreeSet<Integer> themes = new TreeSet<>();
            themes.add(primary);
            if (random.nextInt(100) < 25) {
                themes.add(random.nextInt(THEMES.length));
            }
            return themes.stream().map(t -> THEMES[t]).toArray(String[]::new);
        }

        void caseRow(Skeleton s, Rows out) {
            String mission = missionOf.get(s.id());
            String organisation = organisationOf.get(s.id());
            boolean sensitive = Arrays.asList(s.themes()).contains("TERRORISM") || Arrays.asList(s.themes()).contains("ORGANISED_CRIME");
            boolean restricted = random.nextInt(100) < (sensitive ? 25 : 7);
            String releasable = "{}";
            if (organisation != null && random.nextInt(100) < 55) {
                releasable = "{" + organisation + "}";
            } else if (organisation == null && !restricted && random.nextInt(100) < 15) {
                releasable = "EUROPE".equals(s.post().continent()) ? "{EUROPOL}" : "{INTERPOL}";
            }
            String speciality = Arrays.asList(s.themes()).contains("EXPERTISE_EXPORT") ? pick(SPECIALITIES) : null;
            String subject = label(s.themes()[0]);
            String where = mission != null ? mission : organisation != null ? organisation + ", " + s.post().host()
                    : s.partner();
            out.field(s.id().toString())
                    .field("[bench] " + subject + " — " + where + " (" + s.openedOn().getYear() + ")")
                    .field("[bench] Synthetic case of the dashboard benchmark: " + subject.toLowerCase(Locale.ROOT)
                            + ", " + s.post().id() + ".")
                    .field(organisation == null ? "BILATERAL" : "MULTILATERAL")
                    .field(s.partner())
                    .field(organisation)
                    .field(mission)
                    .field(array(s.themes()))
                    .field(speciality)
                    .field(s.post().id())
                    .field(array(s.countries()))
                    .field(restricted ? "RESTRICTED" : "INTERNAL")
                    .field(releasable)
                    .field(s.closes() ? "CLOSED" : "OPEN")
                    .field(s.openedOn().toString())
                    .field(s.closedOn() == null ? null : s.closedOn().toString())
                    .field("Expected return of the " + subject.toLowerCase(Locale.ROOT) + " cooperation for France.")
                    .field(MARKER)
                    .field(s.openedOn() + " 09:00:00+00")
                    .field((s.closedOn() == null ? s.openedOn() : s.closedOn()) + " 17:00:00+00")
                    .field(s.closes() ? "2" : "1")
                    .endRow();
        }

        /** The actions of one case, from the case's own seed. */
        void actions(Skeleton s, Rows out) {
            Random r = new Random(s.seed());
            LocalDate activityEnd = s.closes() ? s.plannedEnd() : today.plusDays(FUTURE_DAYS);
            int span = (int) Math.max(1, ChronoUnit.DAYS.between(s.openedOn(), activityEnd));
            LocalDate lastActual = s.closes() ? min(today, s.closedOn()) : today;
            for (int j = 0; j < s.actions(); j++) {
                LocalDate start = s.openedOn().plusDays(r.nextInt(span));
                String theme = s.themes().length > 1 && r.nextInt(100) < 30 ? s.themes()[1] : s.themes()[0];
                String kind = theme.equals("EXPERTISE_EXPORT") ? (r.nextInt(100) < 70 ? "TECHNICAL" : "INSTITUTIONAL")
                        : new String[] { "OPERATIONAL", "TECHNICAL", "INSTITUTIONAL" }[weighted(r, 45, 35, 20)];
                String type = switch (kind) {
                    case "OPERATIONAL" -> new String[] { "JOINT_OPERATION", "INFORMATION_EXCHANGE", "EXPERT_MISSION", "OTHER" }[weighted(r, 45, 40, 10, 5)];
                    case "TECHNICAL" -> new String[] { "TRAINING", "EQUIPMENT_DONATION", "EXPERT_MISSION", "AUDIT_AND_ADVICE", "STUDY_VISIT" }[weighted(r, 45, 15, 15, 15, 10)];
                    default -> new String[] { "INSTITUTIONAL_MEETING", "CONFERENCE", "STUDY_VISIT", "OTHER" }[weighted(r, 50, 30, 15, 5)];
                };
                int days = switch (type) {
                    case "TRAINING" -> 3 + r.nextInt(8);
                    case "EXPERT_MISSION" -> 2 + r.nextInt(14);
                    case "JOINT_OPERATION" -> 1 + r.nextInt(60);
                    case "STUDY_VISIT" -> 3 + r.nextInt(5);
                    case "CONFERENCE" -> 1 + r.nextInt(3);
                    case "AUDIT_AND_ADVICE" -> 5 + r.nextInt(16);
                    case "OTHER" -> 1 + r.nextInt(5);
                    default -> 1;
                };
                LocalDate plannedEnd = start.plusDays(days - 1);
                if (s.closes() && plannedEnd.isAfter(s.plannedEnd())) {
                    plannedEnd = max(start, s.plannedEnd());
                }
                String place;
                String city = null;
                if (type.equals("STUDY_VISIT") || (type.equals("CONFERENCE") && r.nextInt(100) < 30)) {
                    place = "FR";
                    city = FRENCH_CITIES[r.nextInt(FRENCH_CITIES.length)];
                } else {
                    place = s.partner() != null ? s.partner() : s.countries()[r.nextInt(s.countries().length)];
                    if (place.equals(s.post().host())) {
                        city = s.post().city();
                    }
                }
                int trained = type.equals("TRAINING") ? 8 + r.nextInt(33) : 0;
                int experts = switch (type) {
                    case "AUDIT_AND_ADVICE" -> 2 + r.nextInt(4);
                    case "JOINT_OPERATION" -> r.nextInt(7);
                    case "INFORMATION_EXCHANGE", "OTHER" -> r.nextInt(3);
                    case "EQUIPMENT_DONATION" -> r.nextInt(2);
                    case "CONFERENCE" -> 1 + r.nextInt(5);
                    default -> 1 + r.nextInt(3);
                };
                int involved = Math.max(trained, 2 + r.nextInt(59));
                String agencies = AGENCIES[r.nextInt(AGENCIES.length)] + (r.nextBoolean() ? "; " + AGENCIES[r.nextInt(AGENCIES.length)] : "");

                // where the action stands today
                LocalDate actualStart = clamp(start.plusDays(r.nextInt(7) - 2), s.openedOn(), lastActual);
                LocalDate actualEnd = clamp(actualStart.plusDays(ChronoUnit.DAYS.between(start, plannedEnd) + r.nextInt(5) - 1),
                        actualStart, lastActual);
                String status;
                boolean started;
                int p = r.nextInt(100);
                if (s.closes()) {
                    status = p < 91 ? "COMPLETED" : "CANCELLED";
                    started = p < 91 || p >= 96;
                } else if (start.isAfter(today)) {
                    status = p < 88 ? "PLANNED" : "CANCELLED";
                    started = false;
                } else if (plannedEnd.isBefore(today.minusDays(14))) {
                    status = p < 88 ? "COMPLETED" : p < 96 ? "CANCELLED" : "IN_PROGRESS";
                    started = p < 88 || p >= 92;
                } else {
                    status = p < 65 ? "IN_PROGRESS" : p < 80 ? "PLANNED" : "COMPLETED";
                    started = p < 65 || p >= 80;
                }
                String outcomes = status.equals("COMPLETED") ? outcomes(r, type, theme, trained) : "[]";
                LocalDate updated = status.equals("COMPLETED") ? actualEnd : started ? actualStart : min(today, start);
                out.field(uuid(r).toString())
                        .field(s.id().toString())
                        .field(kind)
                        .field(type)
                        .field("[bench] " + label(type) + ": " + label(theme).toLowerCase(Locale.ROOT) + " (" + place + ")")
                        .field(label(type) + " with " + agencies.toLowerCase(Locale.ROOT) + ".")
                        .field(start.toString())
                        .field(plannedEnd.toString())
                        .field(started ? actualStart.toString() : null)
                        .field(status.equals("COMPLETED") ? actualEnd.toString() : null)
                        .field(place)
                        .field(city)
                        .field(Integer.toString(experts))
                        .field(Integer.toString(involved))
                        .field(Integer.toString(trained))
                        .field(agencies)
                        .field(outcomes)
                        .field(status)
                        .field(status.equals("CANCELLED") ? CANCELLATIONS[r.nextInt(CANCELLATIONS.length)] : null)
                        .field(MARKER)
                        .field(min(start, today) + " 10:00:00+00")
                        .field(max(updated, min(start, today)) + " 18:00:00+00")
                        .field(status.equals("PLANNED") ? "1" : status.equals("COMPLETED") ? "3" : "2")
                        .endRow();
            }
        }

        /** Outcomes as OutcomesConverter writes them (Jackson, nulls included). */
        static String outcomes(Random r, String type, String theme, int trained) {
            List<String> o = new ArrayList<>();
            switch (type) {
                case "TRAINING" -> o.add(outcome("PERSONS_TRAINED", Integer.toString(trained), null, null));
                case "JOINT_OPERATION" -> {
                    if (r.nextInt(100) < 70) {
                        o.add(outcome("ARRESTS", Integer.toString(r.nextInt(26)), null, null));
                    }
                    if (r.nextInt(100) < 60) {
                        o.add(switch (theme) {
                            case "ARMS_TRAFFICKING" -> outcome("SEIZURE", Integer.toString(1 + r.nextInt(150)), "weapons", "firearms");
                            case "CYBERCRIME" -> outcome("SEIZURE", Long.toString(10_000L * (1 + r.nextInt(200))), "EUR", "crypto-assets");
                            case "ORGANISED_CRIME", "TERRORISM" -> outcome("SEIZURE", Long.toString(5_000L * (1 + r.nextInt(300))), "EUR", "cash and assets");
                            case "IRREGULAR_IMMIGRATION" -> outcome("SEIZURE", Integer.toString(1 + r.nextInt(120)), "documents", "forged documents");
                            default -> outcome("SEIZURE", (5 + r.nextInt(20_000)) / 10 + "." + r.nextInt(10), "kg",
                                    new String[] { "cocaine", "cannabis resin", "heroin", "methamphetamine" }[r.nextInt(4)]);
                        });
                    }
                    if (r.nextInt(100) < 25) {
                        o.add(outcome("NETWORKS_DISMANTLED", Integer.toString(1 + r.nextInt(3)), null, null));
                    }
                    if (r.nextInt(100) < 30) {
                        o.add(outcome("PROCEDURES_OPENED", Integer.toString(1 + r.nextInt(6)), null, null));
                    }
                    if ((theme.equals("IRREGULAR_IMMIGRATION") || theme.equals("ORGANISED_CRIME") || theme.equals("CYBERCRIME"))
                            && r.nextInt(100) < 35) {
                        o.add(outcome("VICTIMS_IDENTIFIED", Integer.toString(1 + r.nextInt(40)), null, null));
                    }
                }
                case "INFORMATION_EXCHANGE" -> {
                    if (r.nextInt(100) < 40) {
                        o.add(outcome("PROCEDURES_OPENED", Integer.toString(1 + r.nextInt(5)), null, null));
                    }
                    if (r.nextInt(100) < 15) {
                        o.add(outcome("ARRESTS", Integer.toString(1 + r.nextInt(8)), null, null));
                    }
                }
                case "EQUIPMENT_DONATION" -> o.add(outcome("EQUIPMENT_DELIVERED", Integer.toString(2 + r.nextInt(199)), "items",
                        new String[] { "forensic kits", "radios", "document readers", "vehicles", "computers" }[r.nextInt(5)]));
                case "EXPERT_MISSION", "AUDIT_AND_ADVICE" -> {
                    if (r.nextInt(100) < 70) {
                        o.add(outcome("DOCUMENTS_PRODUCED", Integer.toString(1 + r.nextInt(3)), null, "report and recommendations"));
                    }
                }
                case "INSTITUTIONAL_MEETING", "CONFERENCE" -> {
                    int p = r.nextInt(100);
                    if (p < 15) {
                        o.add(outcome("OTHER", "1", null, "memorandum of understanding signed"));
                    } else if (p < 35) {
                        o.add(outcome("DOCUMENTS_PRODUCED", "1", null, "joint action plan"));
                    }
                }
                default -> {
                    if (r.nextInt(100) < 30) {
                        o.add(outcome("OTHER", Integer.toString(1 + r.nextInt(12)), null, "partner delegates hosted"));
                    }
                }
            }
            return "[" + String.join(",", o) + "]";
        }

        static String outcome(String indicator, String quantity, String unit, String note) {
            return "{\"indicator\":\"" + indicator + "\",\"quantity\":" + quantity + ",\"unit\":"
                    + (unit == null ? "null" : "\"" + unit + "\"") + ",\"note\":" + (note == null ? "null" : "\"" + note + "\"") + "}";
        }

        int weighted(int[] weights) {
            return weighted(random, weights);
        }

        static int weighted(Random r, int... weights) {
            int sum = 0;
            for (int w : weights) {
                sum += w;
            }
            int x = r.nextInt(sum);
            for (int i = 0; i < weights.length; i++) {
                x -= weights[i];
                if (x < 0) {
                    return i;
                }
            }
            return weights.length - 1;
        }

        <T> T pick(List<T> items) {
            return items.get(random.nextInt(items.size()));
        }

        String pick(String[] items) {
            return items[random.nextInt(items.length)];
        }

        static UUID uuid(Random r) {
            long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
            long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            return new UUID(msb, lsb);
        }

        static String array(String[] values) {
            return "{" + String.join(",", values) + "}";
        }

        static String label(String constant) {
            String text = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
            return Character.toUpperCase(text.charAt(0)) + text.substring(1);
        }

        static LocalDate clamp(LocalDate date, LocalDate lo, LocalDate hi) {
            return date.isBefore(lo) ? lo : date.isAfter(hi) ? hi : date;
        }

        static LocalDate min(LocalDate a, LocalDate b) {
            return a.isBefore(b) ? a : b;
        }

        static LocalDate max(LocalDate a, LocalDate b) {
            return a.isAfter(b) ? a : b;
        }
    }

    /** Rows in COPY's text format, sent in blocks of about 1 MB. */
    static final class Rows {
        final CopyIn copy;
        final StringBuilder buffer = new StringBuilder(1 << 21);
        boolean firstField = true;

        Rows(CopyIn copy) {
            this.copy = copy;
        }

        Rows field(String value) {
            if (!firstField) {
                buffer.append('\t');
            }
            firstField = false;
            if (value == null) {
                buffer.append("\\N");
                return this;
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> buffer.append("\\\\");
                    case '\t' -> buffer.append("\\t");
                    case '\n' -> buffer.append("\\n");
                    case '\r' -> buffer.append("\\r");
                    default -> buffer.append(c);
                }
            }
            return this;
        }

        void endRow() {
            buffer.append('\n');
            firstField = true;
            if (buffer.length() >= 1 << 20) {
                flush();
            }
        }

        void flush() {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            try {
                copy.writeToCopy(bytes, 0, bytes.length);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            buffer.setLength(0);
        }

        long end() throws SQLException {
            flush();
            return copy.endCopy();
        }
    }
}
