package org.dcis.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The web app's session in a real browser: cookie flags, no token anywhere the page can reach, CSRF refusal of a
 * forged form, an expired session that goes back through the login to the page, and the page of a stopped service.
 */
class WebSessionIT {
    /** A JWT (header.payload.): what an access, ID or refresh token of Keycloak looks like. */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.");
    private Browser browser;

    @RegisterExtension
    final BrowserEvidence evidence = new BrowserEvidence(() -> browser);

    @BeforeEach
    void openBrowser() {
        browser = Browser.open();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteAndNoTokenReachesThePage() {
        browser.go("/app/network");
        browser.fillLoginForm("analyst.hq");
        browser.find("#world-map[data-rendered=true]");

        List<Cookie> session = browser.driver.manage().getCookies().stream()
                .filter(cookie -> cookie.getName().startsWith("q_session")).toList();
        assertThat(session).as("the encrypted session cookie").isNotEmpty();
        for (Cookie cookie : session) {
            assertThat(cookie.isHttpOnly()).as(cookie.getName()).isTrue();
            assertThat(cookie.getSameSite()).as(cookie.getName()).isEqualTo("Lax");
            // The local stack serves plain HTTP and says so (DCIS_GATEWAY_WEB_SECURE_COOKIES=false); the gateway's
            // own test (WebCookiesTest) shows Secure everywhere else.
            assertThat(cookie.isSecure()).as(cookie.getName()).isFalse();
            assertThat(JWT.matcher(cookie.getValue()).find()).as("%s holds no readable token", cookie.getName()).isFalse();
        }
        Cookie csrf = browser.driver.manage().getCookieNamed("dcis-csrf");
        if (csrf != null) {
            assertThat(csrf.isHttpOnly()).isTrue();
        }

        // The contrast check every screenshot runs sees a real defect: pale grey text on white.
        assertThat(browser.lowContrast()).isEmpty();
        browser.driver.executeScript("const p = document.createElement('p'); p.textContent = 'Pale text';"
                + "p.style.color = '#cccccc'; p.style.background = '#ffffff'; document.querySelector('main').append(p);");
        assertThat(browser.lowContrast()).singleElement().asString().contains("Pale text");

        // Nothing a script of the page can read holds a token: the document, its scripts, cookies, storage.
        for (String path : List.of("/app/network", "/app/network?theme=CYBERCRIME")) {
            browser.go(path);
            browser.find("#world-map[data-rendered=true]");
            assertThat(JWT.matcher(browser.driver.getPageSource()).find()).as("page %s", path).isFalse();
            String reachable = (String) browser.driver.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const scripts = [...document.scripts].filter(s => s.src).map(s => fetch(s.src).then(r => r.text()));
                    Promise.all(scripts).then(texts => done([document.cookie, JSON.stringify(localStorage),
                        JSON.stringify(sessionStorage), document.documentElement.outerHTML, ...texts].join('\\n')));
                    """);
            assertThat(JWT.matcher(reachable).find()).as("cookies, storage and scripts of %s", path).isFalse();
            assertThat((String) browser.driver.executeScript("return document.cookie")).doesNotContain("q_session");
        }
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        String post = "SN-DAKAR";
        String caseId = Stack.gatewayAs("officer.dakar").get("/api/cooperation/cases?post=" + post + "&status=OPEN&size=1")
                .then().statusCode(200).extract().jsonPath().getString("items[0].id");
        int before = actionCount(caseId);
        browser.go("/app/cases/" + caseId);
        browser.fillLoginForm("officer.dakar");
        browser.find("#log-action");

        // The same form a forger would post: every field but the CSRF token (same origin, the victim's cookies).
        Long status = (Long) browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const body = new URLSearchParams({kind: 'TECHNICAL', type: 'TRAINING', title: 'Forged',
                    plannedStart: '2026-01-05', 'place.country': 'SN'});
                fetch('/app/cases/' + arguments[0] + '/actions', {method: 'POST', body, redirect: 'manual'})
                    .then(r => done(r.status));
                """, caseId);
        assertThat(status).isEqualTo(400L);
        // A wrong token is refused alike.
        Long wrong = (Long) browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const body = new URLSearchParams({'csrf-token': 'forged', kind: 'TECHNICAL', type: 'TRAINING',
                    title: 'Forged', plannedStart: '2026-01-05', 'place.country': 'SN'});
                fetch('/app/cases/' + arguments[0] + '/actions', {method: 'POST', body, redirect: 'manual'})
                    .then(r => done(r.status));
                """, caseId);
        assertThat(wrong).isEqualTo(400L);
        assertThat(actionCount(caseId)).isEqualTo(before);
    }

    @Test
    void anExpiredSessionGoesThroughTheLoginBackToThePage() {
        browser.go("/app/cases");
        browser.fillLoginForm("officer.dakar");
        browser.find("#cases");

        // The session ends on both sides: Keycloak's (admin API) and the gateway's cookie (as when it expires).
        endKeycloakSessions("officer.dakar");
        browser.driver.manage().getCookies().stream().filter(cookie -> cookie.getName().startsWith("q_session"))
                .forEach(cookie -> browser.driver.manage().deleteCookie(cookie));

        browser.go("/app/cases?status=OPEN");
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        browser.screenshots("session-expired-login");
        browser.fillLoginForm("officer.dakar");
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(Stack.GATEWAY + "/app/cases?status=OPEN");
        browser.find("#cases");
    }

    @Test
    void aStoppedServiceShowsItsPageAndThePageComesBackWithIt() throws Exception {
        browser.go("/app/network");
        browser.fillLoginForm("analyst.hq");
        browser.find("#world-map[data-rendered=true]");

        long pid = servicePid("cooperation-service");
        signal("STOP", pid);
        try {
            browser.go("/app/network?theme=TERRORISM");
            assertThat(browser.find("[data-error]").getAttribute("data-error")).isEqualTo("unavailable");
            assertThat(browser.text("#error-title")).isEqualTo("Service unavailable");
            browser.screenshots("service-unavailable");
        } finally {
            signal("CONT", pid);
        }
        browser.go("/app/network?theme=TERRORISM");
        browser.find("#world-map[data-rendered=true]");
    }

    private static int actionCount(String caseId) {
        return Stack.gatewayAs("officer.dakar").get("/api/cooperation/cases/" + caseId + "/actions?size=1").then()
                .statusCode(200).extract().jsonPath().getInt("total");
    }

    /** Keycloak's admin API (the local realm's documented admin/admin): logs the user out of every session. */
    private static void endKeycloakSessions(String username) {
        String admin = given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .post(Stack.KEYCLOAK + "/realms/master/protocol/openid-connect/token").then().statusCode(200)
                .extract().jsonPath().getString("access_token");
        String id = given().auth().oauth2(admin).queryParam("username", username).queryParam("exact", true)
                .get(Stack.KEYCLOAK + "/admin/realms/dcis/users").then().statusCode(200).extract().jsonPath()
                .getString("[0].id");
        given().auth().oauth2(admin).post(Stack.KEYCLOAK + "/admin/realms/dcis/users/" + id + "/logout")
                .then().statusCode(204);
    }

    /** The PID the local stack recorded for a service (deploy/local/run writes .devstack/pids/*.pid). */
    private static long servicePid(String service) throws IOException {
        Path file = Path.of(System.getProperty("dcis.e2e.stack-state", "../../.devstack"), "pids", service + ".pid");
        Properties pid = new Properties();
        try (var in = Files.newInputStream(file)) {
            pid.load(in);
        }
        return Long.parseLong(pid.getProperty("pid"));
    }

    /** SIGSTOP freezes the service (it accepts connections but answers nothing); SIGCONT lets it go on. */
    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -%s %d", signal, pid).isZero();
    }
}
