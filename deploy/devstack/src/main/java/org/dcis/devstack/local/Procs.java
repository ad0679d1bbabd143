package org.dcis.devstack.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What Linux says about processes, read from {@code /proc}. The local stack runs its servers
 * detached, so a later command must recognise them without being their parent.
 */
public final class Procs {
    private static final Path PROC = Path.of("/proc");

    private Procs() {
    }

    /**
     * One line of {@code /proc/<pid>/stat}: state (R, S, Z, ...), process group and start time in
     * clock ticks since boot. PID and start time together name one process for the life of the machine.
     */
    public record Stat(long pid, char state, long processGroup, long startTicks) {
        /** A zombie has exited and only waits to be reaped (by init, which may never do it in a container). */
        public boolean running() {
            return state != 'Z' && state != 'X';
        }
    }

    public static Optional<Stat> stat(long pid) {
        try {
            String line = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.UTF_8);
            // The command name is in parentheses and may itself contain spaces and parentheses.
            String[] fields = line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
            return Optional.of(new Stat(pid, fields[0].charAt(0), Long.parseLong(fields[2]),
                    Long.parseLong(fields[19])));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The command line, arguments separated by spaces; empty when the process is gone or a zombie. */
    public static String commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').trim();
        } catch (IOException e) {
            return "";
        }
    }

    public static boolean running(long pid) {
        return stat(pid).map(Stat::running).orElse(false);
    }

    /** Live (non-zombie) members of a process group. */
    public static List<Long> groupMembers(long processGroup) {
        List<Long> members = new ArrayList<>();
        for (long pid : allPids()) {
            stat(pid).filter(s -> s.processGroup() == processGroup && s.running()).ifPresent(s -> members.add(pid));
        }
        return members;
    }

    /** Processes that hold a listening TCP socket on {@code port} (only those this user may inspect). */
    public static List<Long> listeners(int port) {
        Set<String> inodes = new HashSet<>();
        for (String table : List.of("net/tcp", "net/tcp6")) {
            try {
                for (String row : Files.readAllLines(PROC.resolve(table))) {
                    String[] cols = row.trim().split("\\s+");
                    // local_address is HEXIP:HEXPORT, state 0A is LISTEN, column 9 the socket inode.
                    if (cols.length > 9 && cols[3].equals("0A") && cols[1].contains(":")
                            && Integer.parseInt(cols[1].substring(cols[1].indexOf(':') + 1), 16) == port) {
                        inodes.add("socket:[" + cols[9] + "]");
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // no IPv6 table, or an unexpected row: look at the other table
            }
        }
        List<Long> holders = new ArrayList<>();
        if (inodes.isEmpty()) {
            return holders;
        }
        for (long pid : allPids()) {
            try (DirectoryStream<Path> fds = Files.newDirectoryStream(PROC.resolve(Long.toString(pid)).resolve("fd"))) {
                for (Path fd : fds) {
                    if (inodes.contains(readLink(fd))) {
                        holders.add(pid);
                        break;
                    }
                }
            } catch (IOException | SecurityException e) {
                // another user's process, or it just ended
            }
        }
        return holders;
    }

    /** Sends a signal with kill(1); {@code target} may be a negative process group id. */
    public static void signal(String signal, long target) {
        try {
            new ProcessBuilder("kill", "-" + signal, "--", Long.toString(target))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (IOException e) {
            throw new StackException("kill could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String readLink(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }

    private static List<Long> allPids() {
        List<Long> pids = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path entry : entries) {
                pids.add(Long.parseLong(entry.getFileName().toString()));
            }
        } catch (IOException e) {
            throw new StackException("/proc is not readable: " + e.getMessage(), e);
        }
        return pids;
    }
}
