package org.dcis.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/** Free-port lookup and port checks on the loopback interface. */
public final class Ports {
    private Ports() {
    }

    /**
     * Ports this JVM handed out. A port handed out is bound only later, by the server it was meant for; meanwhile
     * the kernel may offer it again, and a second server of the same stack took it (Keycloak's management port on
     * the port meant for cooperation-service, seen in deploy/faults). Never twice from one JVM, then.
     */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    /** A port that was free a moment ago and not handed out before by this JVM; the caller binds it soon after. */
    public static int free() {
        return free(Ports::kernelFree, HANDED_OUT);
    }

    static int free(IntSupplier kernel, Set<Integer> handedOut) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = kernel.getAsInt();
            if (handedOut.add(port)) {
                return port;
            }
        }
        throw new DevstackException("No free TCP port on the loopback interface that was not handed out already");
    }

    private static int kernelFree() {
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
