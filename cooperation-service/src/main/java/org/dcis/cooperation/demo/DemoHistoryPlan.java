package org.dcis.cooperation.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.dcis.cooperation.actions.ActionKind;
import org.dcis.cooperation.actions.ActionStatus;
import org.dcis.cooperation.actions.ActionTerms;
import org.dcis.cooperation.actions.ActionType;
import org.dcis.cooperation.actions.Indicator;
import org.dcis.cooperation.actions.Outcome;
import org.dcis.cooperation.actions.Participants;
import org.dcis.cooperation.actions.Place;
import org.dcis.cooperation.actions.StatusChange;
import org.dcis.cooperation.cases.CaseClosure;
import org.dcis.cooperation.cases.CaseTerms;
import org.dcis.cooperation.cases.ExpertiseSpeciality;
import org.dcis.cooperation.cases.Framework;
import org.dcis.cooperation.cases.Handling;
import org.dcis.cooperation.cases.Theme;
import org.dcis.cooperation.reference.Organisation;

/**
 * The demo history as a plan: what the officers of the demo network would have written over the five years
 * before the anchor day (the suite's today when the load began), case by case, in the terms of the API (case
 * terms, action terms, status changes, closures), so that {@link DemoHistory} writes it through the use cases
 * and their rules. Pure Java: the same seed and anchor always give the same plan ({@link #summary()}).
 *
 * <p>About {@value #CASES} cases and {@value #ACTIONS} actions; every theme (expertise export with its
 * specialities), both frameworks (bilateral with a country the lead post covers; multilateral with an
 * organisation, often one of the missions of {@link DemoMissions}), every kind, type and status of action,
 * outcomes on completed actions, some RESTRICTED cases, cancellations with reasons, closed cases whose actions
 * all ended before the closure; a few open posts have no case at all.
 */
public final class DemoHistoryPlan {
    public static final int CASES = 2_000;
    public static final int ACTIONS = 20_000;
    public static final int YEARS = 5;
    /** Planned actions of open cases reach this far past the anchor day. */
    static final int FUTURE_DAYS = 150;
    static final int QUIET_POSTS = 3;

    /** One action: logged with its terms (PLANNED), then moved by each status change in turn. */
    public record PlannedAction(ActionTerms terms, List<StatusChange> steps) {
        public ActionStatus finalStatus() {
            return steps.isEmpty() ? ActionStatus.PLANNED : steps.get(steps.size() - 1).status();
        }
    }

    /** One case: opened with its terms, its actions written in order, then closed when {@code closure} is given. */
    public record PlannedCase(CaseTerms terms, List<PlannedAction> actions, CaseClosure closure) {
        /** Service calls it takes: the opening, each action's logging and status changes, the closure. */
        public int writes() {
            return 1 + actions.stream().mapToInt(a -> 1 + a.steps().size()).sum() + (closure == null ? 0 : 1);
        }
    }

    private final long seed;
    private final LocalDate anchor;
    private final List<PlannedCase> cases;

    private DemoHistoryPlan(long seed, LocalDate anchor, List<PlannedCase> cases) {
        this.seed = seed;
        this.anchor = anchor;
        this.cases = List.copyOf(cases);
    }

    public static DemoHistoryPlan generate(long seed, LocalDate anchor) {
        return new Generator(seed, anchor, DemoNetwork.posts()).plan();
    }

    public long seed() {
        return seed;
    }

    public LocalDate anchor() {
        return anchor;
    }

    /** The first day of the history: five years before the anchor day, exclusive. */
    public LocalDate firstDay() {
        return anchor.minusYears(YEARS).plusDays(1);
    }

    public List<PlannedCase> cases() {
        return cases;
    }

    public int actionCount() {
        return cases.stream().mapToInt(c -> c.actions().size()).sum();
    }

    public int writeCount() {
        return cases.stream().mapToInt(PlannedCase::writes).sum();
    }

    /**
     * What the plan holds, counted: cases and actions by every dimension, outcome totals by indicator and unit,
     * and a fingerprint of every term, date and status (ids and timestamps aside, which the load makes).
     */
    public SortedMap<String, String> summary() {
        TreeMap<String, Long> counts = new TreeMap<>();
        TreeMap<String, BigDecimal> sums = new TreeMap<>();
        StringBuilder canonical = new StringBuilder();
        for (PlannedCase c : cases) {
            CaseTerms t = c.terms();
            add(counts, "cases");
            add(counts, "case.framework." + t.framework());
            t.themes().forEach(theme -> add(counts, "case.theme." + theme));
            if (t.speciality() != null) {
                add(counts, "case.speciality." + t.speciality());
            }
            if (t.organisation() != null) {
                add(counts, "case.organisation." + t.organisation());
            }
            if (t.mission() != null) {
                add(counts, "case.mission." + t.mission());
            }
            add(counts, "case.handling." + t.handling());
            add(counts, "case.status." + (c.closure() == null ? "OPEN" : "CLOSED"));
            canonical.append(t).append('|').append(c.closure()).append('\n');
            for (PlannedAction a : c.actions()) {
                ActionTerms at = a.terms();
                add(counts, "actions");
                add(counts, "action.kind." + at.kind());
                add(counts, "action.type." + at.type());
                add(counts, "action.status." + a.finalStatus());
                if (a.finalStatus() == ActionStatus.COMPLETED) {
                    for (Outcome o : at.outcomes()) {
                        sums.merge("outcome." + o.indicator() + (o.unit() == null ? "" : "." + o.unit()), o.quantity(),
                                BigDecimal::add);
                    }
                }
                canonical.append("  ").append(at).append('|').append(a.steps()).append('\n');
            }
        }
        TreeMap<String, String> summary = new TreeMap<>();
        counts.forEach((k, v) -> summary.put(k, Long.toString(v)));
        sums.forEach((k, v) -> summary.put(k, v.stripTrailingZeros().toPlainString()));
        summary.put("fingerprint", sha256(canonical.toString()));
        return summary;
    }

    private static void add(Map<String, Long> counts, String key) {
        counts.merge(key, 1L, Long::sum);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The generator: one Random on the seed, drawn from in a fixed order. */
    private static final class Generator {
        private static final Map<String, int[]> THEME_WEIGHTS = Map.of(
                // DRUG, ARMS, CYBER, TERRORISM, ORGANISED, IRREGULAR, EXPERTISE (Theme order)
                "AFRICA", new int[] { 20, 10, 5, 20, 12, 18, 15 },
                "EUROPE", new int[] { 18, 10, 20, 15, 22, 10, 5 },
                "ASIA", new int[] { 18, 6, 20, 20, 16, 8, 12 },
                "AMERICAS", new int[] { 40, 10, 12, 3, 20, 5, 10 },
                "OCEANIA", new int[] { 30, 5, 15, 5, 20, 10, 15 });
        private static final Map<Theme, List<String>> SUBJECTS = new EnumMap<>(Map.of(
                Theme.DRUG_TRAFFICKING, List.of("Cocaine routes", "Maritime drug interdiction", "Synthetic drug networks",
                        "Cannabis resin trafficking", "Heroin routes", "Precursor chemicals control"),
                Theme.ARMS_TRAFFICKING, List.of("Small arms trafficking", "Firearms tracing", "Explosives and weapons smuggling"),
                Theme.CYBERCRIME, List.of("Ransomware investigations", "Online child sexual exploitation",
                        "Cryptocurrency laundering", "Cyber forensics capacity"),
                Theme.TERRORISM, List.of("Counter-terrorism investigations", "Terrorist financing",
                        "Foreign terrorist fighters", "Radicalisation in prisons"),
                Theme.ORGANISED_CRIME, List.of("Organised crime groups", "Money laundering networks", "Environmental crime",
                        "Trafficking in cultural goods"),
                Theme.IRREGULAR_IMMIGRATION, List.of("Migrant smuggling networks", "Document fraud", "Border management",
                        "Trafficking in human beings"),
                Theme.EXPERTISE_EXPORT, List.of("French police expertise")));
        private static final Map<Theme, String> RETURNS = new EnumMap<>(Map.of(
                Theme.DRUG_TRAFFICKING, "Fewer shipments reaching French ports and airports; intelligence on routes to Europe.",
                Theme.ARMS_TRAFFICKING, "Weapons kept off the routes to Europe; traced firearms feed French investigations.",
                Theme.CYBERCRIME, "Offenders targeting French victims identified; evidence obtained for French courts.",
                Theme.TERRORISM, "Threats to France and French nationals detected earlier; suspects located.",
                Theme.ORGANISED_CRIME, "Criminal assets of groups active in France seized; networks mapped.",
                Theme.IRREGULAR_IMMIGRATION, "Smuggling networks bound for France disrupted; fraudulent documents detected.",
                Theme.EXPERTISE_EXPORT, "French doctrine and equipment adopted by the partner; lasting working relations."));
        private static final List<String> CANCELLATIONS = List.of("Postponed sine die by the partner administration",
                "Security situation in the area: travel advice red", "Partner agency reorganised; project stopped",
                "Budget line not renewed", "Political crisis: cooperation suspended by the partner",
                "Duplicate of an action led by the EU mission", "Trainees not designated by the partner in time",
                "Flights cancelled (airspace closed)");
        private static final List<String> AGENCIES = List.of("National police", "Gendarmerie", "Customs",
                "Judicial police", "Anti-drug agency", "Border police", "Financial intelligence unit", "Cybercrime unit",
                "Coast guard", "Ministry of the interior");
        private static final List<String> FRENCH_CITIES = List.of("Paris", "Lyon", "Marseille", "Melun", "Nîmes",
                "Saint-Astier", "Clermont-Ferrand");
        private static final Set<String> WEST_AFRICA = Set.of("SN", "CI", "GN", "NG", "GH", "NE", "BF", "ML", "GM",
                "GW", "CV", "LR", "SL", "TG", "BJ");

        private final long seed;
        private final LocalDate anchor;
        private final LocalDate first;
        private final List<DemoNetwork.Post> open;
        private final Map<String, DemoNetwork.Post> byId = new TreeMap<>();
        private final Random random;
        private final double[] activity;

        Generator(long seed, LocalDate anchor, List<DemoNetwork.Post> network) {
            this.seed = seed;
            this.anchor = anchor;
            this.first = anchor.minusYears(YEARS).plusDays(1);
            this.open = network.stream().filter(DemoNetwork.Post::isOpen).toList();
            network.forEach(p -> byId.put(p.id(), p));
            this.random = new Random(seed);
            this.activity = new double[open.size()];
            Set<String> leads = new java.util.HashSet<>();
            DemoMissions.ALL.forEach(m -> leads.addAll(m.leadPosts()));
            for (int i = 0; i < activity.length; i++) {
                activity[i] = 0.4 + 1.8 * random.nextDouble();
            }
            // a few posts with no case at all: the dashboard's "posts with no action" has something to show
            int quiet = 0;
            while (quiet < QUIET_POSTS) {
                int i = random.nextInt(open.size());
                if (activity[i] > 0 && !leads.contains(open.get(i).id())) {
                    activity[i] = 0;
                    quiet++;
                }
            }
        }

        private record Skeleton(DemoNetwork.Post post, DemoMissions.Mission mission, Organisation organisation,
                List<Theme> themes, LocalDate openedOn, LocalDate plannedEnd, boolean closes, double weight) {
        }

        DemoHistoryPlan plan() {
            List<Skeleton> skeletons = new ArrayList<>();
            double total = 0;
            for (int i = 0; i < CASES; i++) {
                Skeleton s = skeleton();
                skeletons.add(s);
                total += s.weight();
            }
            skeletons.sort(Comparator.comparing(Skeleton::openedOn)); // stable: ties keep their drawing order
            List<PlannedCase> cases = new ArrayList<>();
            for (Skeleton s : skeletons) {
                int actions = (int) Math.max(1, Math.min(60, Math.round(ACTIONS * s.weight() / total)));
                cases.add(plannedCase(s, actions));
            }
            return new DemoHistoryPlan(seed, anchor, cases);
        }

        private Skeleton skeleton() {
            boolean multilateral = random.nextInt(100) < 30;
            DemoMissions.Mission mission = null;
            DemoNetwork.Post post;
            Organisation organisation = null;
            if (multilateral && random.nextInt(100) < 60) {
                mission = pick(DemoMissions.ALL);
                post = byId.get(pick(mission.leadPosts()));
                organisation = mission.organisation();
            } else {
                post = weightedPost();
                if (multilateral) {
                    organisation = organisationFor(post);
                }
            }
            LocalDate lo = first;
            LocalDate hi = anchor;
            if (mission != null) {
                lo = max(lo, mission.startsOn());
                if (mission.endsOn() != null) {
                    hi = min(hi, mission.endsOn().minusDays(90));
                }
            }
            lo = max(lo, post.openedOn());
            long span = ChronoUnit.DAYS.between(lo, hi);
            // more cases in recent years: the network grows
            LocalDate openedOn = lo.plusDays((long) Math.floor(span * Math.pow(random.nextDouble(), 0.75)));
            LocalDate plannedEnd = openedOn.plusDays(90 + (long) (Math.pow(random.nextDouble(), 1.5) * 1300));
            if (mission != null && mission.endsOn() != null) {
                plannedEnd = min(plannedEnd, mission.endsOn());
            }
            boolean closes = plannedEnd.isBefore(anchor.minusDays(45)) && random.nextInt(100) < 92;
            LocalDate activityEnd = closes ? plannedEnd : anchor.plusDays(FUTURE_DAYS);
            List<Theme> themes = themes(post, mission);
            double weight = Math.max(20, ChronoUnit.DAYS.between(openedOn, activityEnd)) * (0.5 + random.nextDouble());
            return new Skeleton(post, mission, organisation, themes, openedOn, plannedEnd, closes, weight);
        }

        private DemoNetwork.Post weightedPost() {
            double sum = 0;
            for (double a : activity) {
                sum += a;
            }
            double r = random.nextDouble() * sum;
            for (int i = 0; i < activity.length; i++) {
                r -= activity[i];
                if (r < 0 && activity[i] > 0) {
                    return open.get(i);
                }
            }
            for (int i = activity.length - 1; i >= 0; i--) {
                if (activity[i] > 0) {
                    return open.get(i);
                }
            }
            throw new IllegalStateException("no active post");
        }

        private Organisation organisationFor(DemoNetwork.Post post) {
            List<Organisation> choices = switch (post.continent()) {
                case "AFRICA" -> WEST_AFRICA.contains(post.hostCountry())
                        ? List.of(Organisation.ECOWAS, Organisation.AFRIPOL, Organisation.AU, Organisation.INTERPOL, Organisation.EU, Organisation.UN)
                        : List.of(Organisation.AFRIPOL, Organisation.AU, Organisation.INTERPOL, Organisation.EU, Organisation.UN);
                case "EUROPE" -> List.of(Organisation.EUROPOL, Organisation.EUROPOL, Organisation.OSCE, Organisation.INTERPOL, Organisation.EU);
                case "AMERICAS" -> List.of(Organisation.AMERIPOL, Organisation.AMERIPOL, Organisation.INTERPOL, Organisation.UN, Organisation.EU);
                case "ASIA" -> List.of(Organisation.INTERPOL, Organisation.UN, Organisation.OSCE, Organisation.EU);
                default -> List.of(Organisation.INTERPOL, Organisation.UN);
            };
            return pick(choices);
        }

        private List<Theme> themes(DemoNetwork.Post post, DemoMissions.Mission mission) {
            Theme primary;
            if (mission != null) {
                primary = pick(mission.themes());
            } else {
                int[] weights = THEME_WEIGHTS.getOrDefault(post.continent(), THEME_WEIGHTS.get("AFRICA"));
                primary = Theme.values()[weighted(weights)];
            }
            LinkedHashSet<Theme> themes = new LinkedHashSet<>();
            themes.add(primary);
            if (random.nextInt(100) < 25) {
                themes.add(Theme.values()[random.nextInt(Theme.values().length)]);
            }
            return List.copyOf(themes);
        }

        private PlannedCase plannedCase(Skeleton s, int actionCount) {
            DemoNetwork.Post post = s.post();
            Theme primary = s.themes().get(0);
            ExpertiseSpeciality speciality = s.themes().contains(Theme.EXPERTISE_EXPORT)
                    ? pick(List.of(ExpertiseSpeciality.values())) : null;
            String partner = null;
            List<String> countries = new ArrayList<>();
            String where;
            if (s.organisation() == null) {
                partner = random.nextInt(100) < 65 ? post.hostCountry() : pick(post.coverage());
                if (post.coverage().size() > 1 && random.nextInt(100) < 15) {
                    String other = pick(post.coverage());
                    if (!other.equals(partner)) {
                        countries.add(other);
                    }
                }
                where = country(partner);
            } else if (s.mission() != null) {
                countries.addAll(s.mission().hostCountries());
                where = s.mission().code().replace('-', ' ');
            } else {
                countries.add(post.hostCountry());
                where = s.organisation() + ", " + country(post.hostCountry());
            }
            String subject = primary == Theme.EXPERTISE_EXPORT ? label(speciality.name()) + " expertise" : pick(SUBJECTS.get(primary));
            boolean sensitive = primary == Theme.TERRORISM || primary == Theme.ORGANISED_CRIME;
            Handling handling = random.nextInt(100) < (sensitive ? 25 : 7) ? Handling.RESTRICTED : Handling.INTERNAL;
            List<Organisation> releasable = List.of();
            if (s.organisation() != null && random.nextInt(100) < (handling == Handling.RESTRICTED ? 50 : 60)) {
                releasable = List.of(s.organisation());
            } else if (s.organisation() == null && handling == Handling.INTERNAL && random.nextInt(100) < 15) {
                releasable = List.of("EUROPE".equals(post.continent()) ? Organisation.EUROPOL : Organisation.INTERPOL);
            }
            String title = subject + " — " + where + " (" + s.openedOn().getYear() + ")";
            String summary = subject + ": cooperation of the " + post.city() + " post with "
                    + (s.organisation() == null ? "the services of " + country(partner)
                            : s.mission() != null ? s.mission().code() : s.organisation() + " partners")
                    + (s.themes().size() > 1 ? ", also on " + label(s.themes().get(1).name()).toLowerCase(Locale.ROOT) : "")
                    + ".";
            CaseTerms terms = new CaseTerms(title, summary, s.organisation() == null ? Framework.BILATERAL : Framework.MULTILATERAL,
                    partner, s.organisation(), s.mission() == null ? null : s.mission().code(), s.themes(), speciality,
                    post.id(), countries.isEmpty() ? null : List.copyOf(countries), handling, releasable, s.openedOn(),
                    RETURNS.get(primary));

            LocalDate activityEnd = s.closes() ? s.plannedEnd() : anchor.plusDays(FUTURE_DAYS);
            long span = Math.max(1, ChronoUnit.DAYS.between(s.openedOn(), activityEnd));
            List<PlannedAction> actions = new ArrayList<>();
            List<LocalDate> starts = new ArrayList<>();
            for (int j = 0; j < actionCount; j++) {
                starts.add(s.openedOn().plusDays(random.nextInt((int) span)));
            }
            starts.sort(null);
            LocalDate lastDay = s.openedOn();
            int completed = 0;
            int cancelled = 0;
            Map<String, BigDecimal> totals = new TreeMap<>();
            for (LocalDate start : starts) {
                PlannedAction action = action(s, terms, start);
                actions.add(action);
                ActionTerms at = action.terms();
                lastDay = max(lastDay, at.plannedEnd());
                for (StatusChange step : action.steps()) {
                    if (step.on() != null) {
                        lastDay = max(lastDay, step.on());
                    }
                }
                if (action.finalStatus() == ActionStatus.COMPLETED) {
                    completed++;
                    at.outcomes().forEach(o -> totals.merge(o.indicator().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                            + (o.unit() == null ? "" : " (" + o.unit() + ")"), o.quantity(), BigDecimal::add));
                } else if (action.finalStatus() == ActionStatus.CANCELLED) {
                    cancelled++;
                }
            }
            CaseClosure closure = null;
            if (s.closes()) {
                LocalDate closedOn = min(anchor, lastDay.plusDays(5 + random.nextInt(56)));
                StringBuilder result = new StringBuilder("Closed: ").append(completed).append(" action(s) completed");
                if (cancelled > 0) {
                    result.append(", ").append(cancelled).append(" cancelled");
                }
                totals.forEach((indicator, total) -> result.append("; ").append(indicator).append(' ')
                        .append(total.stripTrailingZeros().toPlainString()));
                closure = new CaseClosure(closedOn, result.append('.').toString());
            }
            return new PlannedCase(terms, actions, closure);
        }

        private PlannedAction action(Skeleton s, CaseTerms c, LocalDate start) {
            Theme theme = c.themes().size() > 1 && random.nextInt(100) < 30 ? c.themes().get(1) : c.themes().get(0);
            ActionKind kind = theme == Theme.EXPERTISE_EXPORT
                    ? (random.nextInt(100) < 70 ? ActionKind.TECHNICAL : ActionKind.INSTITUTIONAL)
                    : ActionKind.values()[weighted(new int[] { 45, 35, 20 })];
            ActionType type = switch (kind) {
                case OPERATIONAL -> pickWeighted(List.of(ActionType.JOINT_OPERATION, ActionType.INFORMATION_EXCHANGE,
                        ActionType.EXPERT_MISSION, ActionType.OTHER), 45, 40, 10, 5);
                case TECHNICAL -> pickWeighted(List.of(ActionType.TRAINING, ActionType.EQUIPMENT_DONATION,
                        ActionType.EXPERT_MISSION, ActionType.AUDIT_AND_ADVICE, ActionType.STUDY_VISIT), 45, 15, 15, 15, 10);
                case INSTITUTIONAL -> pickWeighted(List.of(ActionType.INSTITUTIONAL_MEETING, ActionType.CONFERENCE,
                        ActionType.STUDY_VISIT, ActionType.OTHER), 50, 30, 15, 5);
            };
            int days = switch (type) {
                case TRAINING -> 3 + random.nextInt(8);
                case EXPERT_MISSION -> 2 + random.nextInt(14);
                case JOINT_OPERATION -> 1 + random.nextInt(60);
                case STUDY_VISIT -> 3 + random.nextInt(5);
                case CONFERENCE -> 1 + random.nextInt(3);
                case AUDIT_AND_ADVICE -> 5 + random.nextInt(16);
                case OTHER -> 1 + random.nextInt(5);
                default -> 1;
            };
            LocalDate plannedEnd = start.plusDays(days - 1);
            if (s.closes() && plannedEnd.isAfter(s.plannedEnd())) {
                plannedEnd = max(start, s.plannedEnd());
            }
            DemoNetwork.Post post = s.post();
            String placeCountry;
            String city = null;
            if (type == ActionType.STUDY_VISIT || (type == ActionType.CONFERENCE && random.nextInt(100) < 30)) {
                placeCountry = "FR";
                city = pick(FRENCH_CITIES);
            } else {
                placeCountry = c.partnerCountry() != null ? c.partnerCountry()
                        : c.countries() != null ? pick(c.countries()) : post.hostCountry();
                if (placeCountry.equals(post.hostCountry())) {
                    city = post.city();
                }
            }
            int trained = type == ActionType.TRAINING ? 8 + random.nextInt(33) : 0;
            int experts = switch (type) {
                case AUDIT_AND_ADVICE -> 2 + random.nextInt(4);
                case JOINT_OPERATION -> random.nextInt(7);
                case INFORMATION_EXCHANGE, OTHER -> random.nextInt(3);
                case EQUIPMENT_DONATION -> random.nextInt(2);
                case CONFERENCE -> 1 + random.nextInt(5);
                default -> 1 + random.nextInt(3);
            };
            int involved = Math.max(trained, 2 + random.nextInt(59));
            String agencies = pick(AGENCIES) + (random.nextBoolean() ? "; " + pick(AGENCIES) : "");
            String subject = theme == Theme.EXPERTISE_EXPORT && c.speciality() != null
                    ? label(c.speciality().name()).toLowerCase(Locale.ROOT)
                    : label(theme.name()).toLowerCase(Locale.ROOT);
            String title = label(type.name()) + ": " + subject + (city != null ? " (" + city + ")" : " (" + country(placeCountry) + ")");
            String description = label(type.name()) + " on " + subject + " with " + agencies.toLowerCase(Locale.ROOT) + ".";

            // where the action stands on the anchor day
            LocalDate actualStart = clamp(start.plusDays(random.nextInt(7) - 2), c.openedOn(), anchor);
            LocalDate actualEnd = clamp(actualStart.plusDays(ChronoUnit.DAYS.between(start, plannedEnd) + random.nextInt(5) - 1),
                    actualStart, anchor);
            List<StatusChange> steps = new ArrayList<>();
            int r = random.nextInt(100);
            String reason = pick(CANCELLATIONS);
            LocalDate cancelledBefore = clamp(start.minusDays(1 + random.nextInt(20)), c.openedOn(), anchor);
            if (s.closes()) {
                if (r < 91) {
                    steps.add(new StatusChange(ActionStatus.IN_PROGRESS, null, actualStart));
                    steps.add(new StatusChange(ActionStatus.COMPLETED, null, actualEnd));
                } else if (r < 96) {
                    steps.add(new StatusChange(ActionStatus.CANCELLED, reason, cancelledBefore));
                } else {
                    steps.add(new StatusChange(ActionStatus.IN_PROGRESS, null, actualStart));
                    steps.add(new StatusChange(ActionStatus.CANCELLED, reason, actualStart));
                }
            } else if (start.isAfter(anchor)) {
                if (r >= 88) {
                    steps.add(new StatusChange(ActionStatus.CANCELLED, reason, min(anchor, cancelledBefore)));
                }
            } else if (plannedEnd.isBefore(anchor.minusDays(14))) {
                if (r < 88) {
                    steps.add(new StatusChange(ActionStatus.IN_PROGRESS, null, actualStart));
                    steps.add(new StatusChange(ActionStatus.COMPLETED, null, actualEnd));
                } else if (r < 92) {
                    steps.add(new StatusChange(ActionStatus.CANCELLED, reason, cancelledBefore));
                } else if (r < 96) {
                    steps.add(new StatusChange(ActionStatus.IN_PROGRESS, null, actualStart));
                    steps.add(new StatusChange(ActionStatus.CANCELLED, reason, actualStart));
                } else {
                    steps.add(new StatusChange(ActionStatus.IN_PROGRESS, null, actualStart));
                }
            } else {
                if (r < 65) {
                    steps.add(new StatusChange(ActionStatus.IN_PROGRESS, null, actualStart));
                } else if (r < 80) {
                    // not started yet: late, or waiting for the partner
                } else {
                    steps.add(new StatusChange(ActionStatus.IN_PROGRESS, null, actualStart));
                    steps.add(new StatusChange(ActionStatus.COMPLETED, null, actualEnd));
                }
            }
            boolean completes = !steps.isEmpty() && steps.get(steps.size() - 1).status() == ActionStatus.COMPLETED;
            List<Outcome> outcomes = completes ? outcomes(type, theme, trained) : List.of();
            ActionTerms terms = new ActionTerms(kind, type, title, description, start, plannedEnd, null, null,
                    new Place(placeCountry, city), new Participants(experts, involved, trained, agencies), outcomes);
            return new PlannedAction(terms, List.copyOf(steps));
        }

        private List<Outcome> outcomes(ActionType type, Theme theme, int trained) {
            List<Outcome> outcomes = new ArrayList<>();
            switch (type) {
                case TRAINING -> outcomes.add(new Outcome(Indicator.PERSONS_TRAINED, BigDecimal.valueOf(trained), null, null));
                case JOINT_OPERATION -> {
                    if (random.nextInt(100) < 70) {
                        outcomes.add(new Outcome(Indicator.ARRESTS, BigDecimal.valueOf(random.nextInt(26)), null, null));
                    }
                    if (random.nextInt(100) < 60) {
                        outcomes.add(seizure(theme));
                    }
                    if (random.nextInt(100) < 25) {
                        outcomes.add(new Outcome(Indicator.NETWORKS_DISMANTLED, BigDecimal.valueOf(1 + random.nextInt(3)), null, null));
                    }
                    if (random.nextInt(100) < 30) {
                        outcomes.add(new Outcome(Indicator.PROCEDURES_OPENED, BigDecimal.valueOf(1 + random.nextInt(6)), null, null));
                    }
                    if ((theme == Theme.IRREGULAR_IMMIGRATION || theme == Theme.ORGANISED_CRIME || theme == Theme.CYBERCRIME)
                            && random.nextInt(100) < 35) {
                        outcomes.add(new Outcome(Indicator.VICTIMS_IDENTIFIED, BigDecimal.valueOf(1 + random.nextInt(40)), null, null));
                    }
                }
                case INFORMATION_EXCHANGE -> {
                    if (random.nextInt(100) < 40) {
                        outcomes.add(new Outcome(Indicator.PROCEDURES_OPENED, BigDecimal.valueOf(1 + random.nextInt(5)), null, null));
                    }
                    if (random.nextInt(100) < 15) {
                        outcomes.add(new Outcome(Indicator.ARRESTS, BigDecimal.valueOf(1 + random.nextInt(8)), null, null));
                    }
                }
                case EQUIPMENT_DONATION -> outcomes.add(new Outcome(Indicator.EQUIPMENT_DELIVERED,
                        BigDecimal.valueOf(2 + random.nextInt(199)), "items", pick(List.of("forensic kits", "radios",
                                "document readers", "vehicles", "computers", "drones", "night-vision goggles"))));
                case EXPERT_MISSION, AUDIT_AND_ADVICE -> {
                    if (random.nextInt(100) < 70) {
                        outcomes.add(new Outcome(Indicator.DOCUMENTS_PRODUCED, BigDecimal.valueOf(1 + random.nextInt(3)), null,
                                "report and recommendations"));
                    }
                }
                case INSTITUTIONAL_MEETING, CONFERENCE -> {
                    int r = random.nextInt(100);
                    if (r < 15) {
                        outcomes.add(new Outcome(Indicator.OTHER, BigDecimal.ONE, null, "memorandum of understanding signed"));
                    } else if (r < 35) {
                        outcomes.add(new Outcome(Indicator.DOCUMENTS_PRODUCED, BigDecimal.ONE, null, "joint action plan"));
                    }
                }
                case STUDY_VISIT, OTHER -> {
                    if (random.nextInt(100) < 30) {
                        outcomes.add(new Outcome(Indicator.OTHER, BigDecimal.valueOf(1 + random.nextInt(12)), null,
                                "partner delegates hosted"));
                    }
                }
            }
            return outcomes;
        }

        private Outcome seizure(Theme theme) {
            return switch (theme) {
                case ARMS_TRAFFICKING -> new Outcome(Indicator.SEIZURE, BigDecimal.valueOf(1 + random.nextInt(150)), "weapons", "firearms");
                case CYBERCRIME -> new Outcome(Indicator.SEIZURE, BigDecimal.valueOf(10_000L * (1 + random.nextInt(200))), "EUR", "crypto-assets");
                case ORGANISED_CRIME, TERRORISM -> new Outcome(Indicator.SEIZURE, BigDecimal.valueOf(5_000L * (1 + random.nextInt(300))), "EUR", "cash and assets");
                case IRREGULAR_IMMIGRATION -> new Outcome(Indicator.SEIZURE, BigDecimal.valueOf(1 + random.nextInt(120)), "documents", "forged documents");
                default -> new Outcome(Indicator.SEIZURE,
                        BigDecimal.valueOf(5 + random.nextInt(20_000)).divide(BigDecimal.TEN, 1, RoundingMode.UNNECESSARY), "kg",
                        pick(List.of("cocaine", "cannabis resin", "heroin", "methamphetamine")));
            };
        }

        private int weighted(int[] weights) {
            int sum = 0;
            for (int w : weights) {
                sum += w;
            }
            int r = random.nextInt(sum);
            for (int i = 0; i < weights.length; i++) {
                r -= weights[i];
                if (r < 0) {
                    return i;
                }
            }
            return weights.length - 1;
        }

        private <T> T pickWeighted(List<T> items, int... weights) {
            return items.get(weighted(weights));
        }

        private <T> T pick(List<T> items) {
            return items.get(random.nextInt(items.size()));
        }

        @SuppressWarnings("deprecation") // Locale.of is Java 19+; the suite is on 17
        private static String country(String code) {
            String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
            return name.isBlank() || name.equals(code) ? code : name;
        }

        private static String label(String constant) {
            String text = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
            return Character.toUpperCase(text.charAt(0)) + text.substring(1);
        }

        private static LocalDate clamp(LocalDate date, LocalDate lo, LocalDate hi) {
            return date.isBefore(lo) ? lo : date.isAfter(hi) ? hi : date;
        }

        private static LocalDate min(LocalDate a, LocalDate b) {
            return a.isBefore(b) ? a : b;
        }

        private static LocalDate max(LocalDate a, LocalDate b) {
            return a.isAfter(b) ? a : b;
        }
    }
}
