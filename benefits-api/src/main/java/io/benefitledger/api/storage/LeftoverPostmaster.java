package io.benefitledger.api.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a crashed run may leave in the embedded data directory: {@code postmaster.pid}, and perhaps the server that
 * wrote it, still running with no service above it (a killed JVM's postmaster is adopted by PID 1). PostgreSQL
 * refuses to start while the file names a live process, and with a fixed port a new service would quietly use the
 * orphan. {@link #clear} stops the orphan, but only after proving it is a postgres process serving this very
 * directory; a file whose process is gone (or whose PID now belongs to something else, or which was copied with the
 * directory from another server) is removed without touching any process.
 *
 * <p>The caller must hold the data directory's lock (see {@link EmbeddedPostgresServer}): a server whose service is
 * alive is not an orphan.
 */
final class LeftoverPostmaster {

    private static final Logger log = LoggerFactory.getLogger(LeftoverPostmaster.class);

    static final String PID_FILE = "postmaster.pid";

    /** What {@link #clear} found and did. */
    enum Finding {
        NONE,
        /** The file's process was gone, or was not a server of this directory; only the file was removed. */
        STALE_PID_FILE_REMOVED,
        /** A server of this directory without its service was shut down. */
        ORPHAN_STOPPED,
        /** The file names a live process that cannot be identified: nothing was touched; PostgreSQL will refuse. */
        LEFT_ALONE
    }

    record Outcome(Finding finding, String detail) {
    }

    private LeftoverPostmaster() {
    }

    /**
     * Stops an orphaned server of {@code dataDirectory}: fast shutdown (SIGINT) first, which rolls back open
     * transactions and checkpoints; immediate shutdown (SIGQUIT) after {@code patience}, which recovery at the next
     * start repairs from the WAL; SIGKILL of it and its children only if even that is ignored.
     */
    static Outcome clear(Path dataDirectory, Duration patience) {
        Path pidFile = dataDirectory.resolve(PID_FILE);
        Outcome outcome = inspectAndAct(dataDirectory, pidFile, patience);
        switch (outcome.finding()) {
            case NONE -> log.debug("no {} in {}", PID_FILE, dataDirectory);
            case LEFT_ALONE -> log.warn("{} of {}: {}", PID_FILE, dataDirectory, outcome.detail());
            default -> log.warn("{}: {}", dataDirectory, outcome.detail());
        }
        return outcome;
    }

    private static Outcome inspectAndAct(Path dataDirectory, Path pidFile, Duration patience) {
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile);
        } catch (java.nio.file.NoSuchFileException e) {
            return new Outcome(Finding.NONE, "no " + PID_FILE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + pidFile, e);
        }
        // Line 1: the postmaster's PID; line 2: the data directory it was started on (PostgreSQL's miscinit.c).
        Optional<Long> pid = lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0));
        if (pid.isEmpty()) {
            return new Outcome(Finding.LEFT_ALONE, "first line is not a PID: " + lines);
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            delete(pidFile);
            return new Outcome(Finding.STALE_PID_FILE_REMOVED,
                    "removed " + PID_FILE + " of PID " + pid.get() + ", which is no longer running (a crash left it)");
        }
        Identity identity = Identity.of(process.get(), dataDirectory);
        switch (identity) {
            case SERVER_OF_THIS_DIRECTORY -> {
                String how = stop(process.get(), patience);
                if (Files.exists(pidFile) && !process.get().isAlive()) {
                    delete(pidFile);
                }
                return new Outcome(Finding.ORPHAN_STOPPED, "stopped PostgreSQL PID " + pid.get()
                        + " left running on this data directory by a previous run (" + how + ")");
            }
            case SOMETHING_ELSE -> {
                delete(pidFile);
                return new Outcome(Finding.STALE_PID_FILE_REMOVED, "removed " + PID_FILE + " of PID " + pid.get()
                        + ", which is now " + process.get().info().commandLine().orElse("another process")
                        + ", not a PostgreSQL server of this directory; that process was left alone");
            }
            default -> {
                return new Outcome(Finding.LEFT_ALONE, "PID " + pid.get()
                        + " is alive but cannot be identified (no permission to read its command line); nothing was touched");
            }
        }
    }

    enum Identity {
        SERVER_OF_THIS_DIRECTORY, SOMETHING_ELSE, UNKNOWN;

        /**
         * A postmaster's command line is {@code …/bin/postgres -D <directory> …} (pg_ctl starts it so), and it
         * works in its data directory; either names the directory.
         */
        static Identity of(ProcessHandle process, Path dataDirectory) {
            ProcessHandle.Info info = process.info();
            Optional<String> command = info.command();
            Optional<String[]> arguments = info.arguments();
            if (command.isEmpty() || arguments.isEmpty()) {
                return UNKNOWN;
            }
            Path executable = Path.of(command.get()).getFileName();
            if (executable == null || !executable.toString().equals("postgres")) {
                return SOMETHING_ELSE;
            }
            String[] args = arguments.get();
            for (int i = 0; i + 1 < args.length; i++) {
                if (args[i].equals("-D") && sameDirectory(Path.of(args[i + 1]), dataDirectory)) {
                    return SERVER_OF_THIS_DIRECTORY;
                }
            }
            Path workingDirectory = Path.of("/proc", Long.toString(process.pid()), "cwd");
            return sameDirectory(workingDirectory, dataDirectory) ? SERVER_OF_THIS_DIRECTORY : SOMETHING_ELSE;
        }

        private static boolean sameDirectory(Path candidate, Path dataDirectory) {
            try {
                return Files.exists(candidate) && Files.isSameFile(candidate, dataDirectory);
            } catch (IOException | SecurityException e) {
                return false;
            }
        }
    }

    private static String stop(ProcessHandle postmaster, Duration patience) {
        signal(postmaster, "INT");
        if (awaitExit(postmaster, patience)) {
            return "fast shutdown";
        }
        log.warn("PostgreSQL PID {} ignored fast shutdown for {}; asking for an immediate shutdown", postmaster.pid(), patience);
        signal(postmaster, "QUIT");
        if (awaitExit(postmaster, patience)) {
            return "immediate shutdown after fast shutdown timed out";
        }
        log.error("PostgreSQL PID {} ignored immediate shutdown for {}; killing it and its children", postmaster.pid(), patience);
        List<ProcessHandle> children = postmaster.descendants().toList();
        postmaster.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        awaitExit(postmaster, patience);
        return "killed after fast and immediate shutdown timed out";
    }

    /** Java signals only TERM and KILL; PostgreSQL's fast and immediate shutdowns are INT and QUIT. */
    private static void signal(ProcessHandle process, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("could not signal PID " + process.pid(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        while (process.isAlive() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !process.isAlive();
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + file, e);
        }
    }
}
