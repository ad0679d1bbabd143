package org.dcis.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What every one-user browser test class shares: one browser for the class, and its evidence when a test fails. */
abstract class BrowserScenario {
    static Browser browser;

    @RegisterExtension
    static final BrowserEvidence EVIDENCE = new BrowserEvidence(() -> browser);

    @BeforeAll
    static void openBrowser() {
        browser = Browser.open();
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }
}
