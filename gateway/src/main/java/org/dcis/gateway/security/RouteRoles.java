package org.dcis.gateway.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The coarse authorization table of the gateway: which realm roles may read or write behind each public
 * prefix. It is data ({@value #RESOURCE}, mirrored in docs/security.md), so that reviewers read one
 * table and the role-matrix test compares behaviour against it. Services apply their own fine-grained
 * rules on top (post of an officer, handling of a case); this table only keeps roles away from whole
 * areas they have no business in.
 */
public final class RouteRoles {
    public static final String RESOURCE = "route-roles.csv";

    private final Map<String, Map<Access, Set<String>>> table;

    private RouteRoles(Map<String, Map<Access, Set<String>>> table) {
        this.table = table;
    }

    public static RouteRoles load() {
        try (InputStream in = RouteRoles.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the gateway");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + RESOURCE, e);
        }
    }

    /** Lines {@code prefix,access,role role ...}; blank lines and {@code #} comments are ignored. */
    public static RouteRoles parse(String csv) {
        Map<String, Map<Access, Set<String>>> table = new LinkedHashMap<>();
        int number = 0;
        try (BufferedReader lines = new BufferedReader(new java.io.StringReader(csv))) {
            String line;
            while ((line = lines.readLine()) != null) {
                number++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("prefix,")) {
                    continue;
                }
                String[] cells = trimmed.split(",", -1);
                if (cells.length != 3 || !cells[0].startsWith("/api/")) {
                    throw new IllegalStateException(RESOURCE + " line " + number + ": expected prefix,access,roles");
                }
                Access access = Access.valueOf(cells[1].strip().toUpperCase(Locale.ROOT));
                Set<String> roles = new LinkedHashSet<>(Arrays.asList(cells[2].strip().split("\\s+")));
                roles.remove("");
                Set<String> previous = table.computeIfAbsent(cells[0].strip(), p -> new LinkedHashMap<>())
                        .put(access, Collections.unmodifiableSet(roles));
                if (previous != null) {
                    throw new IllegalStateException(RESOURCE + " line " + number + ": duplicate row for "
                            + cells[0] + " " + access);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new RouteRoles(table);
    }

    /** Roles allowed; empty (nobody) for a prefix or access kind the table does not name: fail closed. */
    public Set<String> allowed(String prefix, Access access) {
        return table.getOrDefault(prefix, Map.of()).getOrDefault(access, Set.of());
    }

    /** Whether the table has a row for this prefix and access kind (a row may name no role: nobody). */
    public boolean declares(String prefix, Access access) {
        return table.getOrDefault(prefix, Map.of()).containsKey(access);
    }

    public Set<String> prefixes() {
        return Collections.unmodifiableSet(table.keySet());
    }
}
