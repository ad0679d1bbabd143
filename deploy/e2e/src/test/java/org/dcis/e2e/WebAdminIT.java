package org.dcis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * The registry administrator in a real browser: opens a post, changes its coverage, and is told, next to the
 * countries, which post already covers a country they asked for.
 */
class WebAdminIT extends BrowserScenario {
    private static String postId;

    @AfterAll
    static void closeThePost() {
        if (postId != null && !"CLOSED".equals(E2ePosts.get(postId).jsonPath().getString("status"))) {
            E2ePosts.close(postId);
        }
    }

    @Test
    void opensAPostChangesItsCoverageAndSeesACoverageConflict() {
        List<String> free = E2ePosts.uncoveredCountries();
        String host = free.get(0);
        String added = free.get(1);
        postId = host + E2ePosts.MARKER + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

        browser.go("/app/registry");
        browser.fillLoginForm(E2ePosts.ADMIN);
        browser.find("#posts");
        browser.screenshots("admin-registry");

        browser.find("#open-id").sendKeys(postId);
        browser.find("#open-hostCountry").sendKeys(host);
        browser.find("#open-city").sendKeys("Web city " + host);
        browser.find("#open-embassy").sendKeys("Ambassade de France (web test)");
        browser.setDate("#open-openedOn", E2ePosts.registryToday());
        browser.find("#open-post").click();
        browser.find("#notice");
        assertThat(E2ePosts.get(postId).jsonPath().getString("status")).isEqualTo("OPEN");

        browser.go("/app/registry/posts/" + postId);
        assertThat(browser.text("#post-title")).contains(postId);
        WebElement countries = browser.find("#coverage-countries");
        countries.clear();
        countries.sendKeys(host + ", " + added);
        browser.find("#change-coverage").click();
        browser.find("#notice");
        assertThat(E2ePosts.get(postId).jsonPath().getList("coverage", String.class)).contains(host, added);
        assertThat(browser.text("#coverage-today")).contains(added);

        // SN is the demo network's Dakar post's: the conflict names it next to the countries field.
        String coveringSn = Stack.gatewayAs(E2ePosts.ADMIN).get("/api/posts/countries/SN/post").then().statusCode(200)
                .extract().jsonPath().getString("postId");
        countries = browser.find("#coverage-countries");
        countries.clear();
        countries.sendKeys(host + ", " + added + ", SN");
        browser.find("#change-coverage").click();
        assertThat(browser.text("#e-countries")).contains(coveringSn).contains("SN");
        assertThat(browser.find("#coverage-countries").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(E2ePosts.get(postId).jsonPath().getList("coverage", String.class)).doesNotContain("SN");
        browser.screenshots("admin-post-conflict");
    }

}
