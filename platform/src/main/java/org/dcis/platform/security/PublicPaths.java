package org.dcis.platform.security;

import java.util.List;

/**
 * The anonymous paths of an app, read the way Quarkus reads path permissions: {@code /a/*} covers /a and
 * everything below it, anything else exactly that path. Plain Java, so the gateway and the services
 * decide "public or not" with the same code.
 */
public final class PublicPaths {
    private final List<String> exact;
    private final List<String> prefixes;

    private PublicPaths(List<String> exact, List<String> prefixes) {
        this.exact = exact;
        this.prefixes = prefixes;
    }

    public static PublicPaths of(List<String> patterns) {
        List<String> trimmed = patterns.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
        return new PublicPaths(trimmed.stream().filter(p -> !p.endsWith("/*")).toList(),
                trimmed.stream().filter(p -> p.endsWith("/*")).map(p -> p.substring(0, p.length() - 2)).toList());
    }

    public boolean contains(String path) {
        if (path == null) {
            return false;
        }
        if (exact.contains(path)) {
            return true;
        }
        for (String base : prefixes) {
            if (path.equals(base) || path.startsWith(base + "/")) {
                return true;
            }
        }
        return false;
    }
}
