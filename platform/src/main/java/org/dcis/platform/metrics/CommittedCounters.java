package org.dcis.platform.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Business counters of the services (cases opened, actions logged, post changes...) that count what happened, not
 * what was tried: inside a transaction the count is added once it commits, so a write refused or rolled back after
 * the use case counted it leaves no trace in {@code /q/metrics}.
 */
@ApplicationScoped
public class CommittedCounters {
    private final MeterRegistry registry;
    private final TransactionSynchronizationRegistry transactions;

    CommittedCounters(MeterRegistry registry, TransactionSynchronizationRegistry transactions) {
        this.registry = registry;
        this.transactions = transactions;
    }

    /** Declares a counter at zero, so that it is scraped (and alerts can use it) before the first write. */
    public void declare(String name, String description, String... tags) {
        Counter.builder(name).description(description).tags(tags).register(registry);
    }

    /** Adds one to the counter when the current transaction commits (at once outside a transaction). */
    public void increment(String name, String... tags) {
        Counter counter = registry.counter(name, tags);
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            counter.increment();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // counted after the outcome only
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    counter.increment();
                }
            }
        });
    }
}
