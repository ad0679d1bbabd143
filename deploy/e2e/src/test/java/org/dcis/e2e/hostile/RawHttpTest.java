package org.dcis.e2e.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The raw client sends bytes exactly as given and reads fixed, chunked and early answers. */
class RawHttpTest {

    /** Serves one connection: records the request head (and body when reply is null), then writes the reply. */
    private static CompletableFuture<byte[]> serveOnce(ServerSocket server, String reply, boolean readBody) {
        return CompletableFuture.supplyAsync(() -> {
            try (Socket socket = server.accept()) {
                InputStream in = socket.getInputStream();
                ByteArrayOutputStream seen = new ByteArrayOutputStream();
                while (!endsWithBlankLine(seen.toByteArray())) {
                    int b = in.read();
                    if (b < 0) {
                        break;
                    }
                    seen.write(b);
                }
                if (readBody) {
                    String head = seen.toString(StandardCharsets.ISO_8859_1);
                    int at = head.toLowerCase().indexOf("content-length: ");
                    int length = Integer.parseInt(head.substring(at + 16, head.indexOf('\r', at)));
                    seen.write(in.readNBytes(length));
                }
                socket.getOutputStream().write(reply.getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
                return seen.toByteArray();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static boolean endsWithBlankLine(byte[] bytes) {
        int n = bytes.length;
        return n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n';
    }

    @Test
    void rawBytesGoOutUntouchedAndAChunkedAnswerIsReadWhole() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<byte[]> seen = serveOnce(server,
                    "HTTP/1.1 400 Bad Request\r\nContent-Type: application/problem+json\r\nTransfer-Encoding: chunked\r\n\r\n"
                            + "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n", true);
            byte[] body = RawHttp.utf8("{\"t\":\"a\ud800b\"}");
            RawHttp.Answer answer = RawHttp.send(URI.create("http://127.0.0.1:" + server.getLocalPort()), "POST",
                    "/x?q=%00".getBytes(StandardCharsets.ISO_8859_1),
                    List.of(RawHttp.Header.raw("X-Nul", new byte[] { 'a', 0, 'b' })), body);

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.bodyText()).isEqualTo("hello world");
            assertThat(answer.contentType()).isEqualTo("application/problem+json");
            byte[] request = seen.get(10, TimeUnit.SECONDS);
            String text = new String(request, StandardCharsets.ISO_8859_1);
            assertThat(text).startsWith("POST /x?q=%00 HTTP/1.1\r\n").contains("X-Nul: a\u0000b\r\n").contains("Connection: close");
            assertThat(text).endsWith("{\"t\":\"a\u00ed\u00a0\u0080b\"}"); // ED A0 80: the lone surrogate as raw bytes
        }
    }

    @Test
    void aLargeBodyWaitsForTheServersEarlyRefusal() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<byte[]> seen = serveOnce(server,
                    "HTTP/1.1 413 Payload Too Large\r\nContent-Type: application/problem+json\r\nContent-Length: 2\r\n\r\n{}", false);
            RawHttp.Answer answer = RawHttp.send(URI.create("http://127.0.0.1:" + server.getLocalPort()), "POST",
                    "/x".getBytes(StandardCharsets.ISO_8859_1), List.of(), new byte[RawHttp.EXPECT_CONTINUE_ABOVE + 1]);

            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.bodyText()).isEqualTo("{}");
            assertThat(new String(seen.get(10, TimeUnit.SECONDS), StandardCharsets.ISO_8859_1)).contains("Expect: 100-continue");
        }
    }

    @Test
    void nothingListeningIsNoAnswerRatherThanAnException() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        RawHttp.Answer answer = RawHttp.send(URI.create("http://127.0.0.1:" + port), "GET", "/".getBytes(StandardCharsets.ISO_8859_1),
                List.of(), null);
        assertThat(answer.answered()).isFalse();
        assertThat(answer.error()).isNotBlank();
    }
}
