package org.dcis.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** Every word of the web app exists in both languages, and no French label was left in English by mistake. */
class LabelsTest {
    @Test
    void englishAndFrenchCarryTheSameKeys() throws IOException {
        Properties english = load("labels_en.properties");
        Properties french = load("labels_fr.properties");
        assertThat(french.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        assertThat(english.stringPropertyNames()).hasSizeGreaterThan(100);
        assertThat(english.getProperty("sign_out")).isNotEqualTo(french.getProperty("sign_out"));
        assertThat(french.getProperty("network_title")).isEqualTo("Tableau de bord du réseau");
    }

    private static Properties load(String file) throws IOException {
        Properties labels = new Properties();
        try (var in = LabelsTest.class.getResourceAsStream("/messages/" + file)) {
            assertThat(in).as(file).isNotNull();
            labels.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return labels;
    }
}
