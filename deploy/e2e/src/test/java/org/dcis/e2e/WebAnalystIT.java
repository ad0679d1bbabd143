package org.dcis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import io.restassured.path.json.JsonPath;

/**
 * The headquarters analyst in a real browser: the Keycloak login form, the network dashboard whose figures are the
 * dashboard API's own for the same filters, a filter that lands in the URL and changes the table, a post page, the
 * CSV of the table, French, and a logout after which the back button shows no data.
 */
class WebAnalystIT extends BrowserScenario {
    private static final String PERIOD = "from=2025-01-01&to=2025-12-31";

    @BeforeAll
    static void demoHistory() {
        DemoHistoryIT.demoHistoryLoaded();
    }

    @Test
    void followsTheNetworkFromLoginToLogout() {
        // A bookmarked view: the login form first, then back on the very page (path and filters).
        browser.go("/app/network?" + PERIOD);
        browser.fillLoginForm("analyst.hq");
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(Stack.GATEWAY + "/app/network?" + PERIOD);
        browser.find("#world-map[data-rendered=true]");
        browser.screenshots("analyst-network");

        JsonPath api = Stack.gatewayAs("analyst.hq").get("/api/dashboard/summary?" + PERIOD).then().statusCode(200)
                .extract().jsonPath();
        for (String figure : List.of("cases", "actions", "partnerOfficersTrained", "frenchExperts")) {
            assertThat(browser.text("[data-figure=" + figure + "]")).as(figure)
                    .isEqualTo(Long.toString(api.getLong("rows[0]." + figure)));
        }
        assertThat(api.getLong("rows[0].actions")).as("the demo history has actions in 2025").isPositive();

        // A filter the API refuses: its message next to that field, no figures.
        browser.go("/app/network?from=2025-12-31&to=2025-01-01");
        assertThat(browser.text("#e-to")).isNotBlank();
        assertThat(browser.all("[data-figure]")).isEmpty();
        browser.go("/app/network?" + PERIOD);

        // A filter: the URL and the table follow it, and both equal the API's answer for that filter.
        List<String> before = rowIds();
        new Select(browser.find("#f-theme")).selectByValue("CYBERCRIME");
        browser.find("#apply-filters").click();
        browser.waiting().until(d -> d.getCurrentUrl().contains("theme=CYBERCRIME"));
        browser.waiting().until(d -> !rowIds().equals(before));
        List<String> expected = Stack.gatewayAs("analyst.hq")
                .get("/api/cooperation/actions?" + PERIOD + "&theme=CYBERCRIME&sort=plannedStart,desc&size=50")
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
        assertThat(rowIds()).isEqualTo(expected).isNotEmpty();
        JsonPath filtered = Stack.gatewayAs("analyst.hq").get("/api/dashboard/summary?" + PERIOD + "&theme=CYBERCRIME")
                .then().statusCode(200).extract().jsonPath();
        browser.waiting().until(d -> browser.text("[data-figure=actions]")
                .equals(Long.toString(filtered.getLong("rows[0].actions"))));

        // The CSV of what is shown, fetched by the page itself (its session, its cookies).
        String href = browser.find("#download-csv").getAttribute("href");
        assertThat(href).contains("theme=CYBERCRIME");
        String csv = (String) browser.driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done);", href);
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0).replace("\"", "")).isEqualTo("plannedStart,title,kind,type,status,country,city,caseId,id");
        assertThat(lines.subList(1, lines.size()).stream().map(line -> line.substring(line.lastIndexOf(',') + 1).replace("\"", "")).toList())
                .isEqualTo(expected);

        // A post page, from the most active posts.
        WebElement post = browser.find("#most-active tbody tr a");
        String postId = post.getText();
        post.click();
        browser.waiting().until(ExpectedConditions.urlContains("/app/network/posts/" + postId));
        assertThat(browser.text("#post-title")).contains(postId);
        JsonPath ofPost = Stack.gatewayAs("analyst.hq").get("/api/dashboard/summary?post=" + postId)
                .then().statusCode(200).extract().jsonPath();
        assertThat(browser.text("[data-figure=actions]")).isEqualTo(Long.toString(ofPost.getLong("rows[0].actions")));
        browser.screenshots("analyst-post");

        // French, kept while browsing.
        browser.find("#lang-switch").click();
        browser.waiting().until(d -> "fr".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(browser.text("#logout")).isEqualTo("Se déconnecter");
        browser.go("/app/network?" + PERIOD);
        assertThat(browser.text("h1")).isEqualTo("Tableau de bord du réseau");
        browser.screenshots("analyst-network-fr");

        // Logout ends the Keycloak session too; the back button then shows no figures.
        browser.find("#logout").click();
        browser.waiting().until(ExpectedConditions.urlContains(Stack.GATEWAY + "/signed-out"));
        browser.screenshots("signed-out");
        browser.driver.navigate().back();
        browser.waiting().until(d -> d.getCurrentUrl().startsWith(Stack.KEYCLOAK) || d.getCurrentUrl().contains("/signed-out"));
        assertThat(browser.all("[data-figure]")).isEmpty();
        assertThat(browser.driver.getPageSource()).doesNotContain(postId);
        // Nothing lets the old session in again: a page asks for the login form.
        browser.go("/app/network");
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    }

    private static List<String> rowIds() {
        return browser.all("#recent-actions tbody tr[data-action]").stream().map(row -> row.getAttribute("data-action")).toList();
    }
}
