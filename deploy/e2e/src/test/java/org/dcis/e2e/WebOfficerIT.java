package org.dcis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import io.restassured.path.json.JsonPath;

/**
 * An officer abroad in a real browser: opens one of their post's cases, logs an action (first with an invalid field,
 * whose message shows next to it), moves it to COMPLETED, finds it in the list and in the post's figures, and cannot
 * open another post's restricted case by editing the URL.
 */
class WebOfficerIT extends BrowserScenario {
    private static final String OFFICER = "officer.dakar";

    @BeforeAll
    static void demoHistory() {
        DemoHistoryIT.demoHistoryLoaded();
    }

    @Test
    void logsAnActionAndCompletesIt() {
        String post = Stack.claims(Stack.token(OFFICER)).getString("post_id");
        String caseId = Stack.gatewayAs(OFFICER).get("/api/cooperation/cases?post=" + post + "&status=OPEN&size=1&sort=openedOn,desc")
                .then().statusCode(200).extract().jsonPath().getString("items[0].id");
        assertThat(caseId).as("the demo history gives %s open cases", post).isNotNull();
        String title = "Web action " + UUID.randomUUID().toString().substring(0, 8);

        browser.go("/app/cases");
        browser.fillLoginForm(OFFICER);
        long actionsBefore = Long.parseLong(browser.text("#post-figures [data-figure=actions]"));
        browser.screenshots("officer-cases");

        browser.go("/app/cases/" + caseId);
        assertThat(browser.find("#case-facts").getAttribute("data-case")).isEqualTo(caseId);
        new Select(browser.find("#f-kind")).selectByValue("TECHNICAL");
        new Select(browser.find("#f-type")).selectByValue("TRAINING");
        browser.find("#f-title").sendKeys(title);
        browser.setDate("#f-plannedStart", E2ePosts.registryToday());
        browser.find("#f-place-country").sendKeys("ZZ");
        browser.find("#f-participants-partnerOfficersTrained").sendKeys("7");
        browser.find("#log-action").click();

        // The service's message, next to the field it names; what was typed is still there.
        assertThat(browser.text("[id='e-place.country']")).isNotBlank();
        assertThat(browser.find("#f-place-country").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#f-title").getAttribute("value")).isEqualTo(title);
        browser.screenshots("officer-action-invalid");
        assertThat(actionsTitled(caseId, title)).isEmpty();

        var country = browser.find("#f-place-country");
        country.clear();
        country.sendKeys(post.substring(0, 2));
        browser.find("#log-action").click();
        browser.find("#notice");
        List<Map<String, Object>> logged = actionsTitled(caseId, title);
        assertThat(logged).hasSize(1);
        String actionId = (String) logged.get(0).get("id");

        // The revision form of the new action, and the form to open a case: screenshots of every page.
        browser.go("/app/actions/" + actionId + "/edit");
        assertThat(browser.find("#f-title").getAttribute("value")).isEqualTo(title);
        browser.screenshots("officer-action-edit");
        browser.go("/app/cases/new");
        browser.find("#case-form");
        browser.screenshots("officer-case-new");
        // Headquarters' pages are not an officer's: the forbidden page.
        browser.go("/app/network");
        assertThat(browser.find("[data-error]").getAttribute("data-error")).isEqualTo("forbidden");
        browser.screenshots("officer-forbidden");
        browser.go("/app/cases/" + caseId);

        browser.find("#move-IN_PROGRESS-" + actionId).click();
        browser.waiting().until(d -> "IN_PROGRESS".equals(d.findElement(By.id("a-" + actionId)).getAttribute("data-status")));
        browser.find("#move-COMPLETED-" + actionId).click();
        browser.waiting().until(d -> "COMPLETED".equals(d.findElement(By.id("a-" + actionId)).getAttribute("data-status")));
        assertThat(Stack.gatewayAs(OFFICER).get("/api/cooperation/actions/" + actionId).then().statusCode(200)
                .extract().jsonPath().getString("status")).isEqualTo("COMPLETED");
        browser.screenshots("officer-case");

        // In the post's list, and counted in its figures.
        browser.go("/app/cases");
        assertThat(browser.all("#cases tr[data-case='" + caseId + "']")).hasSize(1);
        assertThat(Long.parseLong(browser.text("#post-figures [data-figure=actions]"))).isEqualTo(actionsBefore + 1);
        JsonPath figures = Stack.gatewayAs(OFFICER).get("/api/dashboard/summary").then().statusCode(200).extract().jsonPath();
        assertThat(browser.text("#post-figures [data-figure=actions]")).isEqualTo(Long.toString(figures.getLong("rows[0].actions")));

        // Another post's restricted case: the not-found page, and nothing of the case.
        JsonPath restricted = Stack.gatewayAs("analyst.hq").get("/api/cooperation/cases?handling=RESTRICTED&size=50")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> others = restricted.<Map<String, Object>>getList("items").stream()
                .filter(c -> !post.equals(c.get("leadPost"))).toList();
        assertThat(others).as("the demo history has restricted cases of other posts").isNotEmpty();
        browser.go("/app/cases/" + others.get(0).get("id"));
        assertThat(browser.find("[data-error]").getAttribute("data-error")).isEqualTo("not-found");
        assertThat(browser.driver.getPageSource()).doesNotContain((String) others.get(0).get("title"));
        browser.screenshots("officer-not-found");
    }

    private static List<Map<String, Object>> actionsTitled(String caseId, String title) {
        return Stack.gatewayAs(OFFICER).get("/api/cooperation/cases/" + caseId + "/actions?size=200").then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("items").stream()
                .filter(action -> title.equals(action.get("title"))).toList();
    }

}
