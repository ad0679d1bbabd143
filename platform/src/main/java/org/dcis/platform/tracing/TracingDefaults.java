package org.dcis.platform.tracing;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Tracing is on where a collector is: {@code quarkus.otel.sdk.disabled} defaults to {@code true} unless an OTLP
 * endpoint is given ({@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT} or {@code QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT},
 * or the matching system properties). Without it Quarkus would export to {@code localhost:4317} and log a failure
 * every few seconds on every machine without a collector.
 *
 * <p>Its ordinal (240) sits below {@code application.properties} (250): a service's own setting (tests switch
 * tracing on with {@code %test.quarkus.otel.sdk.disabled=false}) and the environment
 * ({@code QUARKUS_OTEL_SDK_DISABLED}) always win. Registered through {@code META-INF/services}, so every app on the
 * platform, the gateway included, has the same rule.
 */
public class TracingDefaults implements ConfigSource {
    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    private static final String[] ENDPOINTS = { "quarkus.otel.exporter.otlp.endpoint",
            "quarkus.otel.exporter.otlp.traces.endpoint" };

    private final Map<String, String> values;

    public TracingDefaults() {
        this(System.getenv(), System.getProperties());
    }

    TracingDefaults(Map<String, String> environment, java.util.Properties properties) {
        this.values = Map.of(SDK_DISABLED, String.valueOf(!endpointGiven(environment, properties)));
    }

    static boolean endpointGiven(Map<String, String> environment, java.util.Properties properties) {
        for (String property : ENDPOINTS) {
            String variable = property.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
            if (present(environment.get(variable)) || present(properties.getProperty(property))) {
                return true;
            }
        }
        return false;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public Map<String, String> getProperties() {
        return values;
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return values.get(propertyName);
    }

    @Override
    public String getName() {
        return "dcis-tracing-defaults";
    }

    @Override
    public int getOrdinal() {
        return 240;
    }
}
