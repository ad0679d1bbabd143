package org.dcis.gateway.web;

import io.quarkus.qute.TemplateExtension;

/**
 * Builds a key from a value in templates: {@code {labels:message(t.withPrefix('theme_'))}}. Qute 3.33 does not
 * evaluate an expression that starts with a string literal ({@code 'theme_' + t} is looked up as a data key named
 * {@code 'theme_'} and fails at render time), so the value comes first and the prefix is a parameter.
 */
@TemplateExtension
public final class LabelKeys {
    private LabelKeys() {
    }

    static String withPrefix(Object value, String prefix) {
        return prefix + value;
    }
}
