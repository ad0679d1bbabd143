package org.dcis.cooperation.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;

import org.dcis.cooperation.actions.ActionService;
import org.dcis.cooperation.actions.ActionSnapshot;
import org.dcis.cooperation.actions.StatusChange;
import org.dcis.cooperation.cases.CaseService;
import org.dcis.cooperation.dashboard.DashboardRebuild;
import org.dcis.cooperation.dashboard.DashboardUpdater;
import org.dcis.cooperation.cases.CaseSnapshot;
import org.dcis.cooperation.directory.DirectoryChanged;
import org.dcis.cooperation.directory.DirectoryPost;
import org.dcis.platform.security.Caller;
import org.dcis.platform.security.Roles;
import org.dcis.platform.time.SuiteCalendar;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Loads the {@link DemoHistoryPlan demo history} once, when enabled ({@link DemoHistoryConfig}), as soon as the
 * post directory knows every open post of the {@link DemoNetwork demo network} (they arrive from Kafka: the check
 * runs at start and after each committed directory change, never on a timer).
 *
 * <p>Every case and action goes through {@link CaseService} and {@link ActionService}, the use cases of the API,
 * with their rules, audit records, outbox events and whatever else they keep current, in the name of the lead
 * post's officer as the system caller {@value #SUBJECT} (the subject of the audit trail and the
 * {@code created_by} of every row it writes: the demo data's marker). Cases are written in plan order, a batch
 * of them per transaction together with the progress row of {@code demo_history}: a load cut short (a restart,
 * a crash) resumes after the last committed batch, with the seed and anchor day it began with, and a finished
 * load is never repeated. Two instances share the work safely: each batch locks the progress row first.
 */
@ApplicationScoped
public class DemoHistory {
    /** Who the audit trail says wrote the demo history: this service, not a person. */
    public static final String SUBJECT = "cooperation-service:demo-history";
    public static final String USERNAME = "demo-history";
    private static final Logger LOG = Logger.getLogger(DemoHistory.class);

    /** What a call of {@link #loadIfDue()} found or did. */
    public enum State {
        /** some posts of the demo network are not (yet) known and open in the directory: nothing written */
        WAITING,
        /** this call wrote (or finished) the history */
        LOADED,
        /** a finished history was found: nothing written */
        ALREADY_LOADED
    }

    /** @param missingPosts the posts still awaited when WAITING */
    public record Result(State state, int cases, int actions, long millis, List<String> missingPosts) {
    }

    /** Where the loader of this instance stands, for the readiness details ({@link DemoHistoryHealth}). */
    public record Status(boolean enabled, String state, int loadedCases, int plannedCases, int missingPosts,
            String lastError) {
    }

    private final CaseService cases;
    private final ActionService actions;
    private final EntityManager em;
    private final SuiteCalendar calendar;
    private final DemoHistoryConfig config;
    private final DashboardRebuild dashboard;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "demo-history");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean checkQueued = new AtomicBoolean();
    private volatile boolean finished;
    private volatile boolean stopping;
    private volatile String lastWait;
    private volatile String state = "not checked yet";
    private volatile int loadedCases;
    private volatile int plannedCases;
    private volatile int missingPosts;
    private volatile String lastError;

    DemoHistory(CaseService cases, ActionService actions, EntityManager em, SuiteCalendar calendar,
            DemoHistoryConfig config, DashboardRebuild dashboard) {
        this.dashboard = dashboard;
        this.cases = cases;
        this.actions = actions;
        this.em = em;
        this.calendar = calendar;
        this.config = config;
    }

    void onStart(@Observes StartupEvent start) {
        wake();
    }

    void onDirectoryChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) DirectoryChanged change) {
        wake();
    }

    @PreDestroy
    void stop() {
        stopping = true;
        worker.shutdownNow();
    }

    /** Queues one check on the loader's own thread (never the caller's: the consumer goes on); checks coalesce. */
    private void wake() {
        if (!config.enabled() || finished || stopping) {
            return;
        }
        if (checkQueued.compareAndSet(false, true)) {
            worker.execute(() -> {
                checkQueued.set(false);
                try {
                    loadIfDue();
                } catch (RuntimeException e) {
                    // the next directory change (or restart) tries again, from the last committed batch
                    lastError = "failed at " + calendar.now() + "; the cause is in the service log";
                    state = "failed (resumes at the next directory change or start)";
                    LOG.errorf(e, "Demo history not loaded; it resumes at the next directory change or start");
                }
            });
        }
    }

    /**
     * Loads the demo history if none is finished and the directory knows the demo network; resumes a load cut
     * short. Synchronous; one call at a time in this instance.
     */
    public synchronized Result loadIfDue() {
        Progress stored = QuarkusTransaction.requiringNew().call(this::progress);
        if (stored != null && stored.finished()) {
            finished = true;
            state = "loaded";
            loadedCases = stored.loadedCases();
            plannedCases = stored.loadedCases();
            return new Result(State.ALREADY_LOADED, stored.loadedCases(), stored.loadedActions(), 0, List.of());
        }
        List<String> missing = QuarkusTransaction.requiringNew().call(this::missingPosts);
        if (!missing.isEmpty()) {
            String wait = missing.size() + " posts of the demo network not known and open yet (e.g. " + missing.get(0) + ")";
            if (lastWait == null) {
                LOG.infof("Demo history waits for the directory: %s", wait);
            } else if (!wait.equals(lastWait)) {
                LOG.debugf("Demo history waits for the directory: %s", wait);
            }
            lastWait = wait;
            state = "waiting for the demo network in the directory";
            missingPosts = missing.size();
            return new Result(State.WAITING, 0, 0, 0, missing);
        }
        long began = System.nanoTime();
        DemoHistoryPlan plan = stored == null ? DemoHistoryPlan.generate(config.seed(), calendar.today())
                : DemoHistoryPlan.generate(stored.seed(), stored.anchor());
        Progress claimed = QuarkusTransaction.requiringNew().call(() -> claim(plan));
        DemoHistoryPlan toLoad = claimed.seed() == plan.seed() && claimed.anchor().equals(plan.anchor()) ? plan
                : DemoHistoryPlan.generate(claimed.seed(), claimed.anchor());
        LOG.infof("Demo history: loading %d cases and %d actions (seed %d, %s to %s), from case %d", toLoad.cases().size(),
                toLoad.actionCount(), toLoad.seed(), toLoad.firstDay(), toLoad.anchor(), claimed.loadedCases());
        missingPosts = 0;
        plannedCases = toLoad.cases().size();
        loadedCases = claimed.loadedCases();
        state = "loading";
        while (loadedCases < plannedCases) {
            if (stopping) {
                return new Result(State.WAITING, 0, 0, 0, List.of());
            }
            loadedCases = DashboardUpdater.withoutPerWriteUpdates(
                    () -> QuarkusTransaction.requiringNew().timeout(600).call(() -> writeBatch(toLoad)));
        }
        // the dashboard counts the whole history at once, in the transaction that marks it loaded
        Progress end = QuarkusTransaction.requiringNew().timeout(600).call(() -> {
            dashboard.rebuild();
            return finish();
        });
        finished = true;
        state = "loaded";
        lastError = null;
        long millis = (System.nanoTime() - began) / 1_000_000;
        LOG.infof("Demo history loaded: %d cases, %d actions in %d ms", end.loadedCases(), end.loadedActions(), millis);
        return new Result(State.LOADED, end.loadedCases(), end.loadedActions(), millis, List.of());
    }

    /** The open posts of the demo network the directory does not know as open, covering what the network says. */
    private List<String> missingPosts() {
        List<DemoNetwork.Post> wanted = DemoNetwork.posts().stream().filter(DemoNetwork.Post::isOpen).toList();
        Map<String, DirectoryPost> known = em.createQuery("from DirectoryPost p where p.id in :ids", DirectoryPost.class)
                .setParameter("ids", wanted.stream().map(DemoNetwork.Post::id).toList())
                .getResultStream().collect(Collectors.toMap(DirectoryPost::id, Function.identity()));
        List<String> missing = new ArrayList<>();
        for (DemoNetwork.Post post : wanted) {
            DirectoryPost found = known.get(post.id());
            if (found == null || !found.isOpen() || !new HashSet<>(found.coverage()).containsAll(post.coverage())) {
                missing.add(post.id());
            }
        }
        return missing;
    }

    private record Progress(long seed, LocalDate anchor, int loadedCases, int loadedActions, boolean finished) {
    }

    private Progress progress() {
        List<?> rows = em.createNativeQuery("SELECT seed, anchor_date, loaded_cases, loaded_actions, finished_at IS NOT NULL"
                + " FROM demo_history WHERE id = 1").getResultList();
        return rows.isEmpty() ? null : progress((Object[]) rows.get(0));
    }

    private static Progress progress(Object[] row) {
        Object anchor = row[1];
        LocalDate day = anchor instanceof java.sql.Date sql ? sql.toLocalDate() : (LocalDate) anchor;
        return new Progress(((Number) row[0]).longValue(), day, ((Number) row[2]).intValue(),
                ((Number) row[3]).intValue(), Boolean.TRUE.equals(row[4]));
    }

    /** The progress row, created for this plan unless another start (or instance) created it first. */
    private Progress claim(DemoHistoryPlan plan) {
        em.createNativeQuery("INSERT INTO demo_history (id, seed, anchor_date, planned_cases, planned_actions, started_at)"
                + " VALUES (1, :seed, :anchor, :cases, :actions, :now) ON CONFLICT (id) DO NOTHING")
                .setParameter("seed", plan.seed()).setParameter("anchor", plan.anchor())
                .setParameter("cases", plan.cases().size()).setParameter("actions", plan.actionCount())
                .setParameter("now", calendar.now().atOffset(java.time.ZoneOffset.UTC))
                .executeUpdate();
        return progress();
    }

    /** Writes the next batch of cases after the committed progress; returns how many cases of the plan are written. */
    private int writeBatch(DemoHistoryPlan plan) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT seed, anchor_date, loaded_cases, loaded_actions,"
                + " finished_at IS NOT NULL FROM demo_history WHERE id = 1 FOR UPDATE").getSingleResult();
        Progress progress = progress(row);
        int from = progress.loadedCases();
        int to = Math.min(plan.cases().size(), from + Math.max(1, config.batchCases()));
        int written = 0;
        for (int i = from; i < to; i++) {
            written += write(plan.cases().get(i));
        }
        em.createNativeQuery("UPDATE demo_history SET loaded_cases = :to, loaded_actions = loaded_actions + :actions"
                + " WHERE id = 1").setParameter("to", to).setParameter("actions", written).executeUpdate();
        return to;
    }

    public Status status() {
        return new Status(config.enabled(), config.enabled() ? state : "disabled", loadedCases, plannedCases,
                missingPosts, lastError);
    }

    /** One case through the use cases, as its lead post's officer would write it; returns its action count. */
    private int write(DemoHistoryPlan.PlannedCase planned) {
        Caller officer = new Caller(SUBJECT, USERNAME, planned.terms().leadPost(), Set.of(Roles.OFFICER));
        CaseSnapshot opened = cases.open(officer, planned.terms(), null).value();
        for (DemoHistoryPlan.PlannedAction action : planned.actions()) {
            ActionSnapshot logged = actions.log(officer, opened.id(), action.terms(), null).value();
            long version = logged.version();
            for (StatusChange step : action.steps()) {
                version = actions.changeStatus(officer, logged.id(), version, step).version();
            }
        }
        if (planned.closure() != null) {
            cases.close(officer, opened.id(), opened.version(), planned.closure());
        }
        // keep the persistence context small: the batch's earlier cases are written and need no more checks
        em.flush();
        em.clear();
        return planned.actions().size();
    }

    private Progress finish() {
        em.createNativeQuery("UPDATE demo_history SET finished_at = :now WHERE id = 1 AND finished_at IS NULL")
                .setParameter("now", calendar.now().atOffset(java.time.ZoneOffset.UTC)).executeUpdate();
        return progress();
    }
}
