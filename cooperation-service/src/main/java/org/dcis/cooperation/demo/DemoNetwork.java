package org.dcis.cooperation.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The registry's demo network as the demo history is written for it: {@code demo/network.txt}, a copy of
 * posts-service's {@code demo/posts.txt} (DemoNetworkTest checks that both are the same file). The history is
 * generated from this table, not from whatever the directory holds at the time, so the same seed always gives
 * the same history; the directory only has to know these posts before the load starts.
 */
public final class DemoNetwork {
    private DemoNetwork() {
    }

    /** One post of the network; {@code coverage} includes the host country, as the registry's events carry it. */
    public record Post(String id, String hostCountry, String city, LocalDate openedOn, String status,
            List<String> coverage, String continent) {
        public boolean isOpen() {
            return "OPEN".equals(status);
        }
    }

    public static final String RESOURCE = "/demo/network.txt";

    public static List<Post> posts() {
        List<Post> posts = new ArrayList<>();
        try (InputStream in = DemoNetwork.class.getResourceAsStream(RESOURCE);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String continent = null;
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                if (line.startsWith("#")) {
                    String heading = line.substring(1).strip();
                    if (!heading.contains(" ")) {
                        continent = heading.toUpperCase(Locale.ROOT);
                    }
                    continue;
                }
                String[] fields = line.split(";", -1);
                String host = fields[0].substring(0, 2);
                TreeSet<String> coverage = new TreeSet<>();
                coverage.add(host);
                if (!fields[4].isBlank()) {
                    coverage.addAll(Arrays.asList(fields[4].trim().split("\\s+")));
                }
                posts.add(new Post(fields[0], host, fields[1], LocalDate.parse(fields[2]), fields[3],
                        List.copyOf(coverage), continent));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE + " unreadable", e);
        }
        return List.copyOf(posts);
    }
}
