package org.dcis.devstack.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

import org.dcis.devstack.DevstackException;

/**
 * The launcher behind {@code deploy/local/run}, {@code stop} and {@code status}:
 * {@code LocalStack start|stop|status|running <repository-root>}.
 * Exit codes: 0 done, 1 failed (message says why), 2 bad usage or refused before starting,
 * 3 (status, running) nothing of the stack is running.
 */
public final class LocalStack {
    private LocalStack() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: LocalStack start|stop|status|running <repository-root>");
            System.exit(2);
        }
        System.exit(run(args[0], StackLayout.of(Path.of(args[1])), System.getenv(), System.out, System.err));
    }

    static int run(String command, StackLayout layout, Map<String, String> environment, PrintStream out, PrintStream err) {
        try {
            return switch (command) {
                case "start" -> start(layout, environment, out, err);
                case "stop" -> stop(layout, out);
                case "status" -> new StackStatus(layout).print(out);
                case "running" -> new StackStatus(layout).anyRunning() ? 0 : StackStatus.NOT_RUNNING;
                default -> {
                    err.println("unknown command " + command + " (start, stop, status, running)");
                    yield 2;
                }
            };
        } catch (StackException | DevstackException e) {
            err.println();
            err.println(e.getMessage());
            return 1;
        }
    }

    private static int start(StackLayout layout, Map<String, String> environment, PrintStream out, PrintStream err) {
        StackStatus status = new StackStatus(layout);
        if (status.anyRunning()) {
            out.println("The local stack is already running (nothing started):");
            int health = status.print(out);
            if (health != StackStatus.HEALTHY) {
                err.println("Some servers are not healthy: see their logs, or restart with deploy/local/stop && deploy/local/run");
            }
            return health;
        }
        // Leftover PID files of servers that died on their own: nothing to stop, just forget them.
        new StackStopper(layout, out).stopAll();
        StackPorts ports = StackPorts.from(environment);
        StackStarter starter = new StackStarter(layout, ports, environment, out);
        try {
            starter.preflight();
        } catch (StackException e) {
            err.println(e.getMessage());
            return 2;
        }
        out.println("Starting the DCIS suite (state in " + layout.show(layout.state()) + ", logs in "
                + layout.show(layout.logs()) + ")...");
        starter.start();
        return 0;
    }

    private static int stop(StackLayout layout, PrintStream out) {
        int stopped = new StackStopper(layout, out).stopAll();
        out.println(stopped == 0 ? "Nothing of the local stack was running." : "Stopped " + stopped + " server(s).");
        return 0;
    }
}
