package org.dcis.cooperation.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.dcis.devstack.testing.PostgresResource;
import org.dcis.devstack.testing.SharedServers;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The service's road to its database: a plain TCP relay in the test JVM between the service and the shared
 * PostgreSQL, which a test can {@link #cut()} to play a database outage (every open connection broken, new ones
 * refused) and {@link #restore()} afterwards, without touching the server that the other tests share. Started
 * once per JVM, as a test resource of {@code TestServers}; its threads end with the JVM.
 */
public final class DatabaseLink {
    private static DatabaseLink instance;

    private final ServerSocket listener;
    private final int target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    private DatabaseLink(int target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "database-link");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static synchronized DatabaseLink get() {
        if (instance == null) {
            try {
                instance = new DatabaseLink(SharedServers.postgres().port());
            } catch (IOException e) {
                throw new IllegalStateException("no port for the database link", e);
            }
        }
        return instance;
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** From now on the database is unreachable: open connections break, new ones are closed at once. */
    public void cut() {
        cut = true;
        for (Socket socket : open) {
            close(socket);
        }
    }

    public void restore() {
        cut = false;
    }

    private void accept() {
        while (true) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            if (cut) {
                close(client);
                continue;
            }
            try {
                Socket server = new Socket();
                server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), target), 5_000);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                open.add(client);
                open.add(server);
                pump(client, server);
                pump(server, client);
            } catch (IOException e) {
                close(client);
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // one side went away: the relay of this connection ends
            } finally {
                close(from);
                close(to);
            }
        }, "database-link-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private void close(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    /** The service's database, reached through the link: PostgresResource's database, the link's port. */
    public static class Resource implements QuarkusTestResourceLifecycleManager {
        private final PostgresResource database = new PostgresResource();

        @Override
        public void init(Map<String, String> initArgs) {
            database.init(initArgs);
        }

        @Override
        public Map<String, String> start() {
            Map<String, String> config = new java.util.HashMap<>(database.start());
            String direct = config.get("quarkus.datasource.jdbc.url");
            String linked = direct.replace(":" + SharedServers.postgres().port() + "/", ":" + get().port() + "/");
            if (linked.equals(direct)) {
                throw new IllegalStateException("unexpected JDBC URL " + direct);
            }
            config.put("quarkus.datasource.jdbc.url", linked);
            return config;
        }

        @Override
        public void stop() {
            database.stop();
        }
    }
}
