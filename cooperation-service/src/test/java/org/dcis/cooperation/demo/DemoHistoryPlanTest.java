package org.dcis.cooperation.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.dcis.cooperation.actions.ActionKind;
import org.dcis.cooperation.actions.ActionStatus;
import org.dcis.cooperation.actions.ActionType;
import org.dcis.cooperation.actions.Indicator;
import org.dcis.cooperation.cases.ExpertiseSpeciality;
import org.dcis.cooperation.cases.Framework;
import org.dcis.cooperation.cases.Handling;
import org.dcis.cooperation.cases.Theme;
import org.dcis.cooperation.reference.Organisation;
import org.junit.jupiter.api.Test;

/**
 * The demo history's plan, without a server: the same seed gives the same plan, another seed another one, and
 * what it plans is what the issue asks (DemoHistoryTest checks the loaded rows on real servers).
 */
class DemoHistoryPlanTest {
    private static final LocalDate ANCHOR = LocalDate.of(2026, 12, 6);

    @Test
    void theNetworkIsTheRegistrysDemoNetwork() throws IOException {
        Path registry = Path.of("../posts-service/src/main/resources/demo/posts.txt");
        Path copy = Path.of("src/main/resources/demo/network.txt");
        assertThat(Files.readString(copy)).isEqualTo(Files.readString(registry));
        var posts = DemoNetwork.posts();
        assertThat(posts).hasSize(76);
        assertThat(posts).allSatisfy(p -> assertThat(p.coverage()).contains(p.hostCountry()));
        assertThat(posts.stream().map(DemoNetwork.Post::continent).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("AFRICA", "EUROPE", "ASIA", "AMERICAS", "OCEANIA");
    }

    @Test
    void theSameSeedGivesTheSamePlanAndAnotherSeedAnotherOne() {
        Map<String, String> once = DemoHistoryPlan.generate(42, ANCHOR).summary();
        Map<String, String> again = DemoHistoryPlan.generate(42, ANCHOR).summary();
        Map<String, String> other = DemoHistoryPlan.generate(43, ANCHOR).summary();
        assertThat(again).isEqualTo(once);
        assertThat(other.get("fingerprint")).isNotEqualTo(once.get("fingerprint"));
        assertThat(other).isNotEqualTo(once);
    }

    @Test
    void itPlansWhatTheIssueAsks() {
        DemoHistoryPlan plan = DemoHistoryPlan.generate(20211206, ANCHOR);
        assertThat(plan.cases()).hasSizeBetween(1_900, 2_100);
        assertThat(plan.actionCount()).isBetween(18_000, 22_000);
        Map<String, String> summary = plan.summary();
        for (Theme theme : Theme.values()) {
            assertThat(summary).containsKey("case.theme." + theme);
        }
        for (ExpertiseSpeciality speciality : ExpertiseSpeciality.values()) {
            assertThat(summary).containsKey("case.speciality." + speciality);
        }
        for (Framework framework : Framework.values()) {
            assertThat(summary).containsKey("case.framework." + framework);
        }
        for (Organisation organisation : Organisation.values()) {
            assertThat(summary).containsKey("case.organisation." + organisation);
        }
        for (DemoMissions.Mission mission : DemoMissions.ALL) {
            assertThat(summary).containsKey("case.mission." + mission.code());
        }
        for (ActionKind kind : ActionKind.values()) {
            assertThat(summary).containsKey("action.kind." + kind);
        }
        for (ActionType type : ActionType.values()) {
            assertThat(summary).containsKey("action.type." + type);
        }
        for (ActionStatus status : ActionStatus.values()) {
            assertThat(summary).containsKey("action.status." + status);
        }
        assertThat(summary).containsKeys("case.status.OPEN", "case.status.CLOSED", "case.handling.RESTRICTED",
                "case.handling.INTERNAL", "outcome.SEIZURE.kg", "outcome.SEIZURE.EUR", "outcome.SEIZURE.weapons");
        Set<Indicator> indicators = EnumSet.noneOf(Indicator.class);
        plan.cases().forEach(c -> c.actions().forEach(a -> a.terms().outcomes().forEach(o -> indicators.add(o.indicator()))));
        assertThat(indicators).containsExactlyInAnyOrder(Indicator.values());
    }

    @Test
    void everyCaseAndActionKeepsTheDomainsDates() {
        DemoHistoryPlan plan = DemoHistoryPlan.generate(20211206, ANCHOR);
        Map<String, DemoNetwork.Post> network = DemoNetwork.posts().stream()
                .collect(Collectors.toMap(DemoNetwork.Post::id, Function.identity()));
        Map<String, DemoMissions.Mission> missions = DemoMissions.ALL.stream()
                .collect(Collectors.toMap(DemoMissions.Mission::code, Function.identity()));
        Set<String> leading = new HashSet<>();
        for (var c : plan.cases()) {
            var terms = c.terms();
            DemoNetwork.Post post = network.get(terms.leadPost());
            leading.add(post.id());
            assertThat(post.isOpen()).isTrue();
            assertThat(terms.openedOn()).isAfterOrEqualTo(plan.firstDay()).isBeforeOrEqualTo(ANCHOR);
            if (terms.framework() == Framework.BILATERAL) {
                assertThat(post.coverage()).contains(terms.partnerCountry());
                assertThat(terms.organisation()).isNull();
            } else {
                assertThat(terms.partnerCountry()).isNull();
                assertThat(terms.organisation()).isNotNull();
            }
            if (terms.mission() != null) {
                DemoMissions.Mission mission = missions.get(terms.mission());
                assertThat(mission.organisation()).isEqualTo(terms.organisation());
                assertThat(terms.openedOn()).isAfterOrEqualTo(mission.startsOn());
                if (mission.endsOn() != null) {
                    assertThat(terms.openedOn()).isBeforeOrEqualTo(mission.endsOn());
                }
            }
            assertThat(terms.speciality() != null).isEqualTo(terms.themes().contains(Theme.EXPERTISE_EXPORT));
            assertThat(terms.handling()).isIn(Arrays.asList(Handling.values()));
            for (var action : c.actions()) {
                var at = action.terms();
                assertThat(at.plannedStart()).isAfterOrEqualTo(terms.openedOn());
                assertThat(at.plannedEnd()).isAfterOrEqualTo(at.plannedStart());
                LocalDate started = null;
                for (var step : action.steps()) {
                    assertThat(step.on()).isNotNull();
                    if (step.status() != ActionStatus.CANCELLED) {
                        assertThat(step.on()).isBeforeOrEqualTo(ANCHOR).isAfterOrEqualTo(terms.openedOn());
                    }
                    if (step.status() == ActionStatus.IN_PROGRESS) {
                        started = step.on();
                    }
                    if (step.status() == ActionStatus.COMPLETED) {
                        assertThat(step.on()).isAfterOrEqualTo(started);
                    }
                    if (step.status() == ActionStatus.CANCELLED) {
                        assertThat(step.reason()).isNotBlank();
                    }
                    if (c.closure() != null) {
                        assertThat(step.on()).isBeforeOrEqualTo(c.closure().closedOn());
                    }
                }
                if (action.finalStatus() != ActionStatus.COMPLETED) {
                    assertThat(at.outcomes()).isEmpty();
                }
                if (c.closure() != null) {
                    assertThat(action.finalStatus()).isIn(ActionStatus.COMPLETED, ActionStatus.CANCELLED);
                    assertThat(at.plannedEnd()).isBeforeOrEqualTo(c.closure().closedOn());
                }
            }
            if (c.closure() != null) {
                assertThat(c.closure().closedOn()).isAfterOrEqualTo(terms.openedOn()).isBeforeOrEqualTo(ANCHOR);
                assertThat((terms.expectedReturn() + "\n" + c.closure().result()).length()).isLessThanOrEqualTo(1000);
            }
        }
        long openPosts = network.values().stream().filter(DemoNetwork.Post::isOpen).count();
        assertThat(leading).hasSize((int) openPosts - DemoHistoryPlan.QUIET_POSTS);
    }
}
