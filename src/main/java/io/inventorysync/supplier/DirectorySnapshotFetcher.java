package io.inventorysync.supplier;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Picks the newest file matching a glob in a directory (a supplier drops its exports there, or an SFTP server
 * writes them there). Files younger than {@code minFileAge} are left alone, as they may still be being written.
 * Older files are superseded by the newest (each snapshot is the whole stock). With an archive directory, the
 * picked file and the older ones are moved there once the snapshot is recorded; without, they stay and the
 * unchanged content is recognised by its hash.
 */
public final class DirectorySnapshotFetcher implements SnapshotFetcher {

    private final Path directory;
    private final PathMatcher matcher;
    private final Duration minFileAge;
    private final Path archive;
    private final long maxBytes;
    private final Clock clock;

    public DirectorySnapshotFetcher(Path directory, String glob, Duration minFileAge, Path archive, long maxBytes,
            Clock clock) {
        this.directory = directory;
        this.matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        this.minFileAge = minFileAge;
        this.archive = archive;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    @Override
    public Optional<FetchedSnapshot> fetch() throws IOException {
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        Instant youngest = clock.instant().minus(minFileAge);
        List<Candidate> candidates;
        try (Stream<Path> files = Files.list(directory)) {
            candidates = files.filter(f -> matcher.matches(f.getFileName()) && Files.isRegularFile(f))
                    .map(Candidate::of).filter(c -> c != null && !c.modified().isAfter(youngest))
                    .sorted(Comparator.comparing(Candidate::modified).thenComparing(c -> c.file().getFileName().toString()))
                    .toList();
        }
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Candidate newest = candidates.get(candidates.size() - 1);
        if (Files.size(newest.file()) > maxBytes) {
            throw new IOException(newest.file() + " is larger than maxFileBytes " + maxBytes);
        }
        byte[] content = Files.readAllBytes(newest.file());
        return Optional.of(new FetchedSnapshot(content, newest.modified().truncatedTo(ChronoUnit.MILLIS),
                newest.file().toString(), () -> archive(candidates)));
    }

    private void archive(List<Candidate> handled) {
        if (archive == null) {
            return;
        }
        try {
            Files.createDirectories(archive);
            for (Candidate candidate : handled) {
                Files.move(candidate.file(), archive.resolve(candidate.file().getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // harmless: the next poll sees the same content and recognises it
            throw new java.io.UncheckedIOException("cannot archive handled snapshot files to " + archive, e);
        }
    }

    private record Candidate(Path file, Instant modified) {
        static Candidate of(Path file) {
            try {
                FileTime time = Files.getLastModifiedTime(file);
                return new Candidate(file, time.toInstant());
            } catch (IOException e) {
                return null; // vanished between listing and reading: not a candidate any more
            }
        }
    }
}
