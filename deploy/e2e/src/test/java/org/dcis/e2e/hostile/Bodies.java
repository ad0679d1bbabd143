package org.dcis.e2e.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * JSON bodies with one thing changed at a path: a value replaced or removed, or bytes that no JSON
 * library would write (a NaN, 1e400, a raw lone surrogate, a duplicate key, 100 000 open brackets) spliced
 * in where the value was.
 */
final class Bodies {
    private static final String MARKER = "\u0001HOSTILE-SPLICE\u0001";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Bodies() {
    }

    /** A path segment: a field name (String) or an array index (Integer). */
    static String show(List<Object> path) {
        StringBuilder out = new StringBuilder();
        for (Object segment : path) {
            if (segment instanceof Integer i) {
                out.append('[').append(i).append(']');
            } else {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(segment);
            }
        }
        return out.toString();
    }

    static JsonNode get(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (Object segment : path) {
            if (node == null) {
                return null;
            }
            node = segment instanceof Integer i ? node.get(i) : node.get((String) segment);
        }
        return node;
    }

    /** A copy of root with the value at path set (parents created as needed). */
    static JsonNode with(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode copy = root.deepCopy();
        if (path.isEmpty()) {
            return value;
        }
        JsonNode parent = parent(copy, path);
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer i) {
            ArrayNode array = (ArrayNode) parent;
            while (array.size() <= i) {
                array.addNull();
            }
            array.set(i, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
        return copy;
    }

    /** A copy of root without the value at path. */
    static JsonNode without(JsonNode root, List<Object> path) {
        JsonNode copy = root.deepCopy();
        JsonNode parent = get(copy, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (parent instanceof ArrayNode array && last instanceof Integer i && i < array.size()) {
            array.remove(i);
        } else if (parent instanceof ObjectNode object) {
            object.remove((String) last);
        }
        return copy;
    }

    /** root serialised with the value at path replaced by raw bytes. */
    static byte[] splice(JsonNode root, List<Object> path, byte[] raw) {
        return spliceMarker(with(root, path, TextNode.valueOf(MARKER)), raw);
    }

    /** root serialised with the field at path written twice: first with its value, then with the raw second. */
    static byte[] duplicate(JsonNode root, List<Object> path, byte[] second) {
        JsonNode first = get(root, path);
        String name = (String) path.get(path.size() - 1);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.writeBytes(bytes(first == null ? NODES.nullNode() : first));
        raw.writeBytes((",\"" + name + "\":").getBytes(StandardCharsets.UTF_8));
        raw.writeBytes(second);
        return splice(root, path, raw.toByteArray());
    }

    static byte[] bytes(JsonNode node) {
        try {
            return Stacks.JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JSON string literal holding exactly these bytes between its quotes (raw, unescaped). */
    static byte[] rawString(byte[] inside) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(inside.length + 2);
        out.write('"');
        out.writeBytes(inside);
        out.write('"');
        return out.toByteArray();
    }

    private static JsonNode parent(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (int k = 0; k < path.size() - 1; k++) {
            Object segment = path.get(k);
            Object next = path.get(k + 1);
            JsonNode child = segment instanceof Integer i ? node.get(i) : node.get((String) segment);
            if (child == null || !(child.isObject() || child.isArray())) {
                child = next instanceof Integer ? NODES.arrayNode() : NODES.objectNode();
                if (segment instanceof Integer i) {
                    ArrayNode array = (ArrayNode) node;
                    while (array.size() <= i) {
                        array.addNull();
                    }
                    array.set(i, child);
                } else {
                    ((ObjectNode) node).set((String) segment, child);
                }
            }
            node = child;
        }
        return node;
    }

    private static byte[] spliceMarker(JsonNode withMarker, byte[] raw) {
        byte[] text = bytes(withMarker);
        byte[] marker = bytes(TextNode.valueOf(MARKER));
        int at = indexOf(text, marker);
        if (at < 0) {
            throw new IllegalStateException("marker lost");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length + raw.length);
        out.write(text, 0, at);
        out.writeBytes(raw);
        out.write(text, at + marker.length, text.length - at - marker.length);
        return out.toByteArray();
    }

    private static int indexOf(byte[] text, byte[] marker) {
        outer:
        for (int i = 0; i <= text.length - marker.length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (text[i + j] != marker[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
