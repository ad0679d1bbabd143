package org.dcis.devstack.testing;

import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads values out of a Prometheus scrape ({@code /q/metrics}), for tests that check counters move: the sum of every
 * series of a metric whose labels hold all the given pairs. Exemplars (OpenMetrics {@code # {trace_id=...}} after the
 * value, written when tracing is on) are allowed.
 */
public final class Metrics {
    private Metrics() {
    }

    /** The sum, or empty when no series of the metric has those labels. */
    public static OptionalDouble find(String scrape, String name, String... labels) {
        if (labels.length % 2 != 0) {
            throw new IllegalArgumentException("labels come in pairs: " + List.of(labels));
        }
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? ([0-9.eE+-]+|NaN)( # \\{.*)?$")
                .matcher(scrape);
        double sum = 0;
        boolean found = false;
        while (m.find()) {
            String set = m.group(1) == null ? "" : m.group(1);
            boolean all = true;
            for (int i = 0; i < labels.length; i += 2) {
                all &= set.contains(labels[i] + "=\"" + labels[i + 1] + "\"");
            }
            if (all) {
                found = true;
                sum += Double.parseDouble(m.group(2));
            }
        }
        return found ? OptionalDouble.of(sum) : OptionalDouble.empty();
    }

    /** The sum; fails when no series of the metric has those labels. */
    public static double value(String scrape, String name, String... labels) {
        return find(scrape, name, labels).orElseThrow(() -> new AssertionError(name + " " + List.of(labels)
                + " is not in the scrape"));
    }
}
