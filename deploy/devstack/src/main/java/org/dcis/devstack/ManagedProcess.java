package org.dcis.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * A server running as its own operating-system process, with its output in a log file.
 * Readiness waits fail fast, quoting the log, when the process exits instead of becoming ready.
 */
public final class ManagedProcess {
    private static final int LOG_LINES_IN_ERRORS = 30;

    private final String name;
    private final ProcessHandle handle;
    private final Path logFile;

    private ManagedProcess(String name, ProcessHandle handle, Path logFile) {
        this.name = name;
        this.handle = handle;
        this.logFile = logFile;
    }

    /**
     * Starts a command. With {@code detached} it runs in its own session (setsid), so it outlives
     * the launcher and its whole process group can be stopped at once.
     */
    public static ManagedProcess start(String name, List<String> command, Map<String, String> environment,
            Path workDir, Path logFile, boolean detached) {
        List<String> full = new ArrayList<>();
        if (detached) {
            full.add("setsid");
        }
        full.addAll(command);
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(full)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(environment);
            Process process = builder.start();
            return new ManagedProcess(name, process.toHandle(), logFile);
        } catch (IOException e) {
            throw new DevstackException(name + " could not be launched (" + String.join(" ", full) + "): "
                    + e.getMessage(), e);
        }
    }

    /** Re-attaches to a process started earlier, e.g. from a PID file. */
    public static Optional<ManagedProcess> attach(String name, long pid, Path logFile) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(handle -> new ManagedProcess(name, handle, logFile));
    }

    public long pid() {
        return handle.pid();
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return handle.isAlive();
    }

    /** Polls {@code ready} until it holds; fails with the log's last lines if the process exits or time runs out. */
    public void awaitReady(BooleanSupplier ready, Duration timeout) {
        try {
            Awaitility.await(name + " readiness")
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(250))
                    .failFast(name + " exited before it was ready", () -> !handle.isAlive())
                    .ignoreExceptions()
                    .until(ready::getAsBoolean);
        } catch (TerminalFailureException e) {
            throw new DevstackException(name + " exited before it was ready. Last lines of " + logFile + ":\n"
                    + tail(logFile, LOG_LINES_IN_ERRORS));
        } catch (ConditionTimeoutException e) {
            stop(Duration.ofSeconds(10));
            throw new DevstackException(name + " was not ready after " + timeout.toSeconds()
                    + " s. Last lines of " + logFile + ":\n" + tail(logFile, LOG_LINES_IN_ERRORS));
        }
    }

    /** Sends {@code signal} (e.g. TERM, INT) to the process, waits, then kills what is left of its tree. */
    public void stop(String signal, Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>(handle.descendants().toList());
        tree.add(0, handle);
        signal(handle.pid(), signal);
        try {
            Awaitility.await().atMost(grace).pollInterval(Duration.ofMillis(100))
                    .until(() -> tree.stream().noneMatch(ProcessHandle::isAlive));
        } catch (ConditionTimeoutException e) {
            // falls through to the forced kill below
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        tree.forEach(p -> p.onExit().join());
    }

    public void stop(Duration grace) {
        stop("TERM", grace);
    }

    private static void signal(long pid, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (IOException e) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last {@code lines} lines of a log file, or a note when it cannot be read. */
    public static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log " + file + " unreadable: " + e.getMessage() + ")";
        }
    }
}
