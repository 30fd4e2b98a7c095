package io.benefitledger.api.storage;

import io.benefitledger.api.storage.LeftoverPostmaster.Finding;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a start finds in its data directory after a crash: only a PostgreSQL server of that very directory is ever
 * stopped; a pid file whose process is gone, or is something else, is removed and that process left alone.
 */
class LeftoverPostmasterTest {

    static final Duration PATIENCE = Duration.ofSeconds(10);

    @TempDir
    Path dataDirectory;

    @Test
    void a_directory_without_a_pid_file_is_left_as_it_is() {
        assertThat(LeftoverPostmaster.clear(dataDirectory, PATIENCE).finding()).isEqualTo(Finding.NONE);
    }

    @Test
    void a_pid_file_of_a_process_that_is_gone_is_removed() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        writePidFile(dataDirectory, gone.pid(), dataDirectory);

        assertThat(LeftoverPostmaster.clear(dataDirectory, PATIENCE).finding()).isEqualTo(Finding.STALE_PID_FILE_REMOVED);
        assertThat(dataDirectory.resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void a_live_process_that_is_not_postgres_is_never_signalled_even_when_the_pid_file_names_it() throws Exception {
        Process bystander = new ProcessBuilder("sleep", "60").start();
        try {
            writePidFile(dataDirectory, bystander.pid(), dataDirectory);

            var outcome = LeftoverPostmaster.clear(dataDirectory, PATIENCE);

            assertThat(outcome.finding()).isEqualTo(Finding.STALE_PID_FILE_REMOVED);
            assertThat(outcome.detail()).contains("left alone");
            assertThat(bystander.waitFor(1, java.util.concurrent.TimeUnit.SECONDS)).as("exited").isFalse();
            assertThat(bystander.isAlive()).isTrue();
            assertThat(dataDirectory.resolve("postmaster.pid")).doesNotExist();
        } finally {
            bystander.destroyForcibly();
        }
    }

    @Test
    void the_running_server_of_another_directory_is_not_stopped_when_its_pid_file_was_copied_here(@TempDir Path other)
            throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().setDataDirectory(other).start()) {
            // A copy of a running cluster (a backup taken without stopping it) carries its postmaster.pid along.
            Files.copy(other.resolve("postmaster.pid"), dataDirectory.resolve("postmaster.pid"),
                    StandardCopyOption.REPLACE_EXISTING);
            long pid = pidIn(other);

            var outcome = LeftoverPostmaster.clear(dataDirectory, PATIENCE);

            assertThat(outcome.finding()).isEqualTo(Finding.STALE_PID_FILE_REMOVED);
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);
            assertThat(server.getPostgresDatabase().getConnection().isValid(5)).isTrue();
            assertThat(other.resolve("postmaster.pid")).exists();
        }
    }

    @Test
    void a_server_of_this_directory_whose_owner_is_gone_gets_a_fast_shutdown(@TempDir Path parent) throws Exception {
        Path directory = parent.resolve("pg");
        EmbeddedPostgres server = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false)
                .setRegisterShutdownHook(false).start();
        long pid = pidIn(directory);

        var outcome = LeftoverPostmaster.clear(directory, PATIENCE);

        assertThat(outcome.finding()).isEqualTo(Finding.ORPHAN_STOPPED);
        assertThat(outcome.detail()).contains("fast shutdown").contains(Long.toString(pid));
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(directory.resolve("postmaster.pid")).doesNotExist();
        releaseLock(server);
    }

    static void writePidFile(Path directory, long pid, Path dataDirectory) throws IOException {
        // The layout PostgreSQL writes: PID, data directory, start time, port, socket directory, listen address, ...
        Files.write(directory.resolve("postmaster.pid"), List.of(Long.toString(pid), dataDirectory.toString(),
                "1764393600", "5432", "/tmp", "localhost", "  5432001    123456", "ready   "));
    }

    static long pidIn(Path directory) throws IOException {
        return Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0).trim());
    }

    /** The library's close stops a server that is already gone (and says so in the log) and frees the directory. */
    static void releaseLock(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
