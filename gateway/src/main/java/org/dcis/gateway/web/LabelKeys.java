package org.dcis.gateway.web;

import io.quarkus.qute.TemplateExtension;

/**
 * The key of a label made of a prefix and a value: {labels:message(s.withPrefix('reg_role_'))}. A string literal
 * followed by {@code + value} ({'reg_role_' + s}) is read by Qute at run time as a data key, not a literal, and the
 * page fails; this extension method is an ordinary call on the value.
 */
public final class LabelKeys {
    private LabelKeys() {
    }

    @TemplateExtension
    static String withPrefix(String value, String prefix) {
        return prefix + value;
    }
}
