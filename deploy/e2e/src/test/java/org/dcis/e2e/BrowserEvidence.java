package org.dcis.e2e;

import java.util.function.Supplier;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** Keeps the browser's page, URL, console and a screenshot when a browser test fails (target/screenshots/FAILED-*). */
final class BrowserEvidence implements TestWatcher {
    private final Supplier<Browser> browser;

    BrowserEvidence(Supplier<Browser> browser) {
        this.browser = browser;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Browser open = browser.get();
        if (open != null) {
            open.keepEvidence(context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName());
        }
    }
}
