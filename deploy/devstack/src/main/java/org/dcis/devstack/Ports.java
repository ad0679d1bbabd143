package org.dcis.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Free-port lookup and port checks on the loopback interface. */
public final class Ports {
    private Ports() {
    }

    /** A port that was free a moment ago; the caller binds it soon after. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new DevstackException("No free TCP port on the loopback interface", e);
        }
    }

    /** The configured port, or a free one when the configuration says 0. */
    public static int orFree(int configured) {
        return configured == 0 ? free() : configured;
    }

    /** Fails with a clear message when something already listens on the port. */
    public static void requireFree(int port, String server) {
        if (isListening(port)) {
            throw new DevstackException(server + " cannot start: port " + port
                    + " is already taken by another process (choose another port or stop that process)");
        }
    }

    public static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
