package org.dcis.devstack;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Unpacks server distributions once into the devstack home. Several JVMs may race for the same
 * target, so unpacking happens under a file lock into a scratch folder that is renamed at the end.
 */
public final class Archives {
    private Archives() {
    }

    interface Source {
        InputStream open() throws IOException;
    }

    static Path unpackTarXzOnce(Source source, Path target) {
        return unpackOnce(source, target, true);
    }

    static Path unpackZipOnce(Source source, Path target) {
        return unpackOnce(source, target, false);
    }

    private static Path unpackOnce(Source source, Path target, boolean tarXz) {
        if (Files.isDirectory(target)) {
            return target;
        }
        try {
            Files.createDirectories(target.getParent());
            Path lockFile = target.resolveSibling(target.getFileName() + ".lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                if (Files.isDirectory(target)) {
                    return target;
                }
                Path scratch = Files.createTempDirectory(target.getParent(), target.getFileName() + ".part");
                try (InputStream raw = new BufferedInputStream(source.open());
                        ArchiveInputStream<? extends ArchiveEntry> archive = tarXz
                                ? new TarArchiveInputStream(new XZCompressorInputStream(raw))
                                : new ZipArchiveInputStream(raw)) {
                    ArchiveEntry entry;
                    while ((entry = archive.getNextEntry()) != null) {
                        write(archive, entry, scratch);
                    }
                }
                Files.move(scratch, target, StandardCopyOption.ATOMIC_MOVE);
                return target;
            }
        } catch (IOException e) {
            throw new DevstackException("Could not unpack into " + target + ": " + e.getMessage(), e);
        }
    }

    private static void write(InputStream archive, ArchiveEntry entry, Path root) throws IOException {
        Path path = root.resolve(entry.getName()).normalize();
        if (!path.startsWith(root)) {
            throw new IOException("Archive entry escapes the target folder: " + entry.getName());
        }
        if (entry.isDirectory()) {
            Files.createDirectories(path);
            return;
        }
        Files.createDirectories(path.getParent());
        if (entry instanceof TarArchiveEntry tar && tar.isSymbolicLink()) {
            Files.createSymbolicLink(path, Path.of(tar.getLinkName()));
            return;
        }
        Files.copy(archive, path, StandardCopyOption.REPLACE_EXISTING);
        int mode = entry instanceof TarArchiveEntry tar ? tar.getMode()
                : ((ZipArchiveEntry) entry).getUnixMode();
        if ((mode & 0100) != 0 || path.toString().endsWith(".sh")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    public static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new DevstackException("Could not delete " + root + ": " + e.getMessage(), e);
        }
    }
}
