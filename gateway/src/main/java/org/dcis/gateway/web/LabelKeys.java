package org.dcis.gateway.web;

import io.quarkus.qute.TemplateExtension;

/** The label key of a coded value, {labels:message(theme.key('theme'))} → theme_CYBERCRIME: one way for every list. */
@TemplateExtension
public final class LabelKeys {
    private LabelKeys() {
    }

    static String key(String value, String prefix) {
        return prefix + "_" + value;
    }
}
