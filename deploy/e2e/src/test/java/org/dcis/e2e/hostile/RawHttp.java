package org.dcis.e2e.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A deliberately dumb HTTP/1.1 client over a plain socket: the request line, the headers and the body go out
 * exactly as given, byte for byte (raw NUL, lone surrogates as raw bytes, CR LF inside a value, duplicate
 * headers, a Host of our choosing), which {@code java.net.http} and rest-assured refuse to send. One
 * connection per request ({@code Connection: close}); large bodies are announced with
 * {@code Expect: 100-continue} so that a server refusing them early (413) is heard instead of reset.
 */
final class RawHttp {
    /** Bodies above this size wait for the server's interim answer before they are sent (as curl does). */
    static final int EXPECT_CONTINUE_ABOVE = 256 * 1024;
    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int READ_TIMEOUT_MS = 60_000;
    private static final int CONTINUE_WAIT_MS = 1_000;
    /** Bodies are kept whole up to this size; beyond, only the head is kept (the checks never need more). */
    private static final int MAX_KEPT_BODY = 4 * 1024 * 1024;

    private RawHttp() {
    }

    /** One header line as bytes: name and value may hold anything, including CR, LF and NUL. */
    record Header(byte[] name, byte[] value) {
        static Header of(String name, String value) {
            return new Header(name.getBytes(StandardCharsets.ISO_8859_1), utf8(value));
        }

        static Header raw(String name, byte[] value) {
            return new Header(name.getBytes(StandardCharsets.ISO_8859_1), value);
        }

        String nameText() {
            return new String(name, StandardCharsets.ISO_8859_1);
        }
    }

    /** What came back: status -1 when nothing usable did (connection refused, reset, closed or timed out). */
    record Answer(int status, List<Map.Entry<String, String>> headers, byte[] body, String error, long millis) {
        Optional<String> header(String name) {
            return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
        }

        String contentType() {
            return header("Content-Type").orElse("");
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        boolean answered() {
            return status > 0;
        }
    }

    /** UTF-8 of a Java string; a lone surrogate becomes its raw three bytes (ED A0 80 for U+D800), not '?'. */
    static byte[] utf8(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int cp = c;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                cp = Character.toCodePoint(c, text.charAt(++i));
            }
            if (cp < 0x80) {
                out.write(cp);
            } else if (cp < 0x800) {
                out.write(0xC0 | (cp >> 6));
                out.write(0x80 | (cp & 0x3F));
            } else if (cp < 0x10000) { // includes lone surrogates, written as raw (invalid) UTF-8
                out.write(0xE0 | (cp >> 12));
                out.write(0x80 | ((cp >> 6) & 0x3F));
                out.write(0x80 | (cp & 0x3F));
            } else {
                out.write(0xF0 | (cp >> 18));
                out.write(0x80 | ((cp >> 12) & 0x3F));
                out.write(0x80 | ((cp >> 6) & 0x3F));
                out.write(0x80 | (cp & 0x3F));
            }
        }
        return out.toByteArray();
    }

    /**
     * Sends one request. {@code target} is the request target as raw bytes (path and query, already
     * encoded as the caller wants them). A Host header is added unless one is given; Content-Length is
     * added for a body unless a Content-Length or Transfer-Encoding header is given.
     */
    static Answer send(URI base, String method, byte[] target, List<Header> headers, byte[] body) {
        long started = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), CONNECT_TIMEOUT_MS);
            socket.setSoTimeout(READ_TIMEOUT_MS);
            socket.setTcpNoDelay(true);
            ByteArrayOutputStream head = new ByteArrayOutputStream(1024 + target.length);
            head.write(method.getBytes(StandardCharsets.ISO_8859_1));
            head.write(' ');
            head.write(target);
            head.write(" HTTP/1.1\r\n".getBytes(StandardCharsets.ISO_8859_1));
            boolean hasHost = false;
            boolean hasLength = false;
            for (Header h : headers) {
                String name = h.nameText().toLowerCase(Locale.ROOT);
                hasHost |= name.equals("host");
                hasLength |= name.equals("content-length") || name.equals("transfer-encoding");
            }
            if (!hasHost) {
                line(head, "Host", (base.getHost() + ":" + base.getPort()).getBytes(StandardCharsets.ISO_8859_1));
            }
            for (Header h : headers) {
                line(head, h.nameText(), h.value());
            }
            boolean expectContinue = body != null && body.length > EXPECT_CONTINUE_ABOVE;
            if (body != null && !hasLength) {
                line(head, "Content-Length", Integer.toString(body.length).getBytes(StandardCharsets.ISO_8859_1));
            }
            if (expectContinue) {
                line(head, "Expect", "100-continue".getBytes(StandardCharsets.ISO_8859_1));
            }
            line(head, "Connection", "close".getBytes(StandardCharsets.ISO_8859_1));
            head.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));

            OutputStream out = socket.getOutputStream();
            InputStream in = new java.io.BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out.write(head.toByteArray());
            out.flush();
            if (body != null && body.length > 0) {
                if (expectContinue) {
                    socket.setSoTimeout(CONTINUE_WAIT_MS);
                    Answer early = null;
                    try {
                        early = read(in, method, started);
                    } catch (SocketTimeoutException silent) {
                        // No interim answer within a second: send the body anyway, as curl does.
                    }
                    socket.setSoTimeout(READ_TIMEOUT_MS);
                    if (early != null && early.status() != 100) {
                        return early;
                    }
                }
                try {
                    out.write(body);
                    out.flush();
                } catch (IOException writeFailed) {
                    // The server may have answered and closed while we were still writing: read what it said.
                    try {
                        return read(in, method, started);
                    } catch (IOException nothing) {
                        return new Answer(-1, List.of(), new byte[0], "writing the body failed (" + writeFailed.getMessage()
                                + ") and no answer could be read (" + nothing.getMessage() + ")", millis(started));
                    }
                }
            }
            Answer answer = read(in, method, started);
            while (answer.status() == 100) { // an interim answer after all: the final one follows
                answer = read(in, method, started);
            }
            return answer;
        } catch (IOException e) {
            return new Answer(-1, List.of(), new byte[0], e.getClass().getSimpleName() + ": " + e.getMessage(), millis(started));
        }
    }

    private static long millis(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static void line(ByteArrayOutputStream head, String name, byte[] value) {
        head.writeBytes(name.getBytes(StandardCharsets.ISO_8859_1));
        head.writeBytes(": ".getBytes(StandardCharsets.ISO_8859_1));
        head.writeBytes(value);
        head.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    private static Answer read(InputStream in, String method, long started) throws IOException {
        String statusLine = readLine(in);
        if (statusLine == null) {
            return new Answer(-1, List.of(), new byte[0], "connection closed without an answer", millis(started));
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            return new Answer(-1, List.of(), new byte[0], "not an HTTP answer: " + abbreviate(statusLine), millis(started));
        }
        int status;
        try {
            status = Integer.parseInt(parts[1].trim());
        } catch (NumberFormatException e) {
            return new Answer(-1, List.of(), new byte[0], "bad status line: " + abbreviate(statusLine), millis(started));
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        String line;
        while ((line = readLine(in)) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.add(Map.entry(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
            }
        }
        if (status == 100 || status == 204 || status == 304 || method.equals("HEAD")) {
            return new Answer(status, headers, new byte[0], null, millis(started));
        }
        String transfer = headerValue(headers, "Transfer-Encoding");
        String length = headerValue(headers, "Content-Length");
        byte[] body;
        if (transfer != null && transfer.toLowerCase(Locale.ROOT).contains("chunked")) {
            body = readChunked(in);
        } else if (length != null) {
            body = readFixed(in, Long.parseLong(length.trim()));
        } else {
            body = readToEnd(in);
        }
        return new Answer(status, headers, body, null, millis(started));
    }

    private static String headerValue(List<Map.Entry<String, String>> headers, String name) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private static byte[] readFixed(InputStream in, long length) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(length, 64 * 1024));
        byte[] buffer = new byte[16 * 1024];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                break;
            }
            if (out.size() < MAX_KEPT_BODY) {
                out.write(buffer, 0, n);
            }
            left -= n;
        }
        return out.toByteArray();
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String size = readLine(in);
            if (size == null) {
                break;
            }
            int semicolon = size.indexOf(';');
            long n = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (n == 0) {
                while ((size = readLine(in)) != null && !size.isEmpty()) {
                    // trailers
                }
                break;
            }
            byte[] chunk = readFixed(in, n);
            if (out.size() < MAX_KEPT_BODY) {
                out.write(chunk);
            }
            readLine(in);
        }
        return out.toByteArray();
    }

    private static byte[] readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            if (out.size() < MAX_KEPT_BODY) {
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }

    /** A line up to CR LF (or LF), read as ISO-8859-1; null at end of stream before any byte. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            if (line.size() > 256 * 1024) {
                throw new IOException("header line longer than 256 KiB");
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
