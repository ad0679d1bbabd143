package org.dcis.gateway.routing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * The services' management endpoints (Quarkus' {@code /q/...}: health with database, Kafka and relay details,
 * metrics, the OpenAPI document) are for the platform, never for the gateway's clients: operators read the
 * services' readiness through the gateway's own {@code /status}, and the gateway fetches the OpenAPI
 * documents itself. So no path whose first segment under a service prefix is {@code q} is relayed,
 * whatever the method or the caller's roles, and whatever port the services serve their management
 * endpoints on.
 * <p>
 * The check reads the path the way any server behind might read it, so that an encoded or dotted spelling
 * cannot slip past: percent escapes decoded (repeatedly, {@code %2571} is {@code %71} is {@code q}),
 * backslashes taken as slashes, matrix parameters ({@code ;...}) and empty or {@code .} segments ignored,
 * {@code ..} resolved, and the segment compared without regard to case. A path still changing after
 * {@value #MAX_DECODINGS} decodings is refused as well: no client has a reason to send one.
 */
public final class ManagementPaths {
    static final int MAX_DECODINGS = 4;
    private static final String MANAGEMENT_ROOT = "q";

    private ManagementPaths() {
    }

    /** Whether a path as a service would receive it (its public prefix stripped) reaches its management endpoints. */
    public static boolean targetsManagement(String servicePath) {
        if (servicePath == null) {
            return false;
        }
        String current = servicePath;
        for (int round = 0; round <= MAX_DECODINGS; round++) {
            if (MANAGEMENT_ROOT.equals(firstSegment(current))) {
                return true;
            }
            String decoded = percentDecode(current);
            if (decoded.equals(current)) {
                return false;
            }
            current = decoded;
        }
        return true;
    }

    /** The first segment once dot segments are resolved, lower case; null for the root. */
    static String firstSegment(String path) {
        Deque<String> segments = new ArrayDeque<>();
        for (String raw : path.replace('\\', '/').split("/", -1)) {
            int matrix = raw.indexOf(';');
            String segment = matrix >= 0 ? raw.substring(0, matrix) : raw;
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                segments.pollLast();
                continue;
            }
            segments.addLast(segment);
        }
        String first = segments.peekFirst();
        return first == null ? null : first.strip().toLowerCase(Locale.ROOT);
    }

    /** Decodes every well-formed {@code %XX} escape (as UTF-8); anything else is kept as it is. */
    static String percentDecode(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
        int i = 0;
        while (i < value.length()) {
            if (value.charAt(i) == '%' && i + 2 < value.length() && hex(value.charAt(i + 1)) >= 0
                    && hex(value.charAt(i + 2)) >= 0) {
                bytes.write(hex(value.charAt(i + 1)) * 16 + hex(value.charAt(i + 2)));
                i += 3;
            } else {
                int codePoint = value.codePointAt(i);
                byte[] encoded = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
                i += Character.charCount(codePoint);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
