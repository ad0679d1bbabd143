package org.dcis.faults;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One stack for every scenario class of the run: started by the first class, kept in the root context's
 * store, which JUnit closes (stopping the stack) once every class has run, failed or not. Before each
 * class the stack is made whole and healthy again; after each, no client of it keeps writing.
 */
final class FaultStackExtension implements BeforeAllCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FaultStack.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        FaultStack stack = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(FaultStack.class, key -> FaultStack.get(), FaultStack.class);
        stack.ensureHealthy();
    }

    /** Clients a failed scenario could not stop must not write into the next one. */
    @Override
    public void afterAll(ExtensionContext context) {
        Clients.stopAllRunning();
    }
}
