package org.dcis.devstack.local;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * What the launcher recorded about one server it started: PID, start time (clock ticks since boot,
 * from /proc), port, the marker on its command line and its log. Stop and status act on a PID only
 * when the live process still has that start time and marker, so a recycled PID is never touched.
 */
public record PidFile(Server server, long pid, long startTicks, int port, int probePort, String marker, Path log) {

    /** Records a process that was just started; {@code probePort} is where its readiness is asked. */
    public static PidFile of(Server server, long pid, int port, int probePort, String marker, Path log) {
        long start = Procs.stat(pid).map(Procs.Stat::startTicks)
                .orElseThrow(() -> new StackException(server.displayName() + " (pid " + pid
                        + ") exited right after launch; see " + log));
        return new PidFile(server, pid, start, port, probePort, marker, log);
    }

    public static Optional<PidFile> read(Server server, Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            return Optional.of(new PidFile(server, Long.parseLong(p.getProperty("pid")),
                    Long.parseLong(p.getProperty("start-ticks")), Integer.parseInt(p.getProperty("port")),
                    Integer.parseInt(p.getProperty("probe-port", p.getProperty("port"))),
                    p.getProperty("marker"), Path.of(p.getProperty("log"))));
        } catch (IOException | RuntimeException e) {
            // A torn or hand-edited file identifies nothing: treat it as stale rather than guess.
            return Optional.empty();
        }
    }

    /** Written to a scratch file and renamed, so a reader never sees half a PID file. */
    public void write(Path file) {
        Properties p = new Properties();
        p.setProperty("server", server.displayName());
        p.setProperty("pid", Long.toString(pid));
        p.setProperty("start-ticks", Long.toString(startTicks));
        p.setProperty("port", Integer.toString(port));
        p.setProperty("probe-port", Integer.toString(probePort));
        p.setProperty("marker", marker);
        p.setProperty("log", log.toString());
        try {
            Files.createDirectories(file.getParent());
            Path scratch = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer out = Files.newBufferedWriter(scratch, StandardCharsets.UTF_8)) {
                p.store(out, "written by deploy/local/run; read by deploy/local/stop and status");
            }
            Files.move(scratch, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StackException("Could not write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The recorded process is alive (not a zombie) and is still the one we started. */
    public boolean isOurLiveProcess() {
        return Procs.stat(pid).filter(Procs.Stat::running).filter(s -> s.startTicks() == startTicks).isPresent()
                && Procs.commandLine(pid).contains(marker);
    }
}
