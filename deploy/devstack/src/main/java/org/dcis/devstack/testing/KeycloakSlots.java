package org.dcis.devstack.testing;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.dcis.devstack.DevstackException;
import org.dcis.devstack.DevstackHome;

/**
 * Keycloak install copies kept in the devstack home for test JVMs. Keycloak rebuilds itself on its first
 * start in a folder (about half a minute, a minute on a loaded machine), so test JVMs reuse copies; a
 * file lock gives each running JVM a slot of its own, held until the JVM exits.
 */
public final class KeycloakSlots {
    private static final int SLOTS = 16;
    /** Held here so that they stay reachable: a collected channel would close and release its lock. */
    private static final java.util.List<FileLock> HELD = new java.util.concurrent.CopyOnWriteArrayList<>();

    private KeycloakSlots() {
    }

    /**
     * A free slot of the series {@code series} (a folder of the devstack home, one per Keycloak version),
     * locked for the life of this JVM: {@code <home>/<series>-<version>/keycloak-<n>}, which may not exist
     * yet. Each caller in one JVM gets another slot.
     */
    public static synchronized Path acquire(String series) {
        Path slots = DevstackHome.root().resolve(series + "-" + DevstackHome.keycloakVersion());
        try {
            Files.createDirectories(slots);
            for (int slot = 1; slot <= SLOTS; slot++) {
                FileChannel channel = FileChannel.open(slots.resolve(slot + ".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                try {
                    FileLock lock = channel.tryLock();
                    if (lock != null) {
                        // Never released explicitly: the lock (and its channel) lives as long as the JVM.
                        HELD.add(lock);
                        return slots.resolve("keycloak-" + slot);
                    }
                } catch (OverlappingFileLockException e) {
                    // held by this JVM already: try the next slot
                }
                channel.close();
            }
        } catch (IOException e) {
            throw new DevstackException("Keycloak slots unusable in " + slots + ": " + e.getMessage(), e);
        }
        throw new DevstackException("All " + SLOTS + " Keycloak slots in " + slots + " are in use");
    }
}
