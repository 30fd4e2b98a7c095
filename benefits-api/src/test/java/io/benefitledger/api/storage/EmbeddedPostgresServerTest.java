package io.benefitledger.api.storage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The embedded server as the service owns it: a new cluster has checksums and a password nobody else can read; a
 * cluster made before keeps working; a server that dies is started again where it was, and when it cannot be, the
 * service is told to exit.
 */
class EmbeddedPostgresServerTest {

    /** A server that cannot start fails its start in this long, not in the service's 60 s. */
    static final Duration STARTUP_WAIT = Duration.ofSeconds(5);

    static final Runnable MUST_NOT_EXIT = () -> {
        throw new AssertionError("the service was told to exit");
    };

    @TempDir
    Path parent;

    @Test
    void a_new_cluster_has_data_checksums_and_admits_only_the_password_kept_in_an_owner_only_file() throws Exception {
        Path directory = parent.resolve("pg");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(directory, 0, STARTUP_WAIT, MUST_NOT_EXIT)) {
            Path passwordFile = directory.resolve(EmbeddedPostgresServer.PASSWORD_FILE);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
            assertThat(server.password()).contains(Files.readString(passwordFile).trim());

            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", "").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("password");
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", "guess").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
            try (Connection connection = connect(server)) {
                assertThat(show(connection, "data_checksums")).isEqualTo("on");
                assertThat(show(connection, "password_encryption")).isEqualTo("scram-sha-256");
            }
        }
    }

    @Test
    void a_cluster_made_before_passwords_starts_as_it_did_without_one() throws Exception {
        Path directory = parent.resolve("pg");
        EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false).start().close();

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(directory, 0, STARTUP_WAIT, MUST_NOT_EXIT)) {
            assertThat(server.password()).isEmpty();
            assertThat(directory.resolve(EmbeddedPostgresServer.PASSWORD_FILE)).doesNotExist();
            try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), "postgres", "")) {
                assertThat(show(connection, "data_checksums")).isEqualTo("off");
            }
        }
    }

    @Test
    void a_server_killed_under_the_service_is_started_again_on_the_same_port_with_its_data() throws Exception {
        Path directory = parent.resolve("pg");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(directory, 0, STARTUP_WAIT, MUST_NOT_EXIT)) {
            String url = server.jdbcUrl();
            try (Connection connection = connect(server); Statement statement = connection.createStatement()) {
                statement.execute("create table kept (id int primary key); insert into kept values (1)");
            }
            long killed = server.state().postmasterPid();

            ProcessHandle.of(killed).orElseThrow().destroyForcibly();

            await().atMost(Duration.ofSeconds(60)).until(() -> server.state().up() && server.state().restarts() == 1);
            assertThat(server.state().postmasterPid()).isNotEqualTo(killed);
            assertThat(server.jdbcUrl()).isEqualTo(url);
            assertThat(server.health().getDetails()).containsEntry("restarts", 1);
            try (Connection connection = connect(server); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("select count(*) from kept")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void a_server_that_cannot_be_started_again_ends_the_service() throws Exception {
        Path directory = parent.resolve("pg");
        CountDownLatch exited = new CountDownLatch(1);
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(directory, 0, STARTUP_WAIT, exited::countDown)) {
            Files.writeString(directory.resolve("postgresql.conf"), "this is not a setting\n");
            ProcessHandle.of(server.state().postmasterPid()).orElseThrow().destroyForcibly();

            assertThat(exited.await(60, TimeUnit.SECONDS)).as("told to exit").isTrue();
            assertThat(server.state().up()).isFalse();
            assertThat(server.health().getStatus().getCode()).isEqualTo("DOWN");
            assertThat(server.state().detail()).contains("could not be restarted");
        }
    }

    @Test
    void a_data_directory_in_use_by_a_running_service_is_refused_and_its_server_left_running() throws Exception {
        Path directory = parent.resolve("pg");
        try (EmbeddedPostgresServer running = EmbeddedPostgresServer.start(directory, 0, STARTUP_WAIT, MUST_NOT_EXIT)) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(directory, 0, STARTUP_WAIT, MUST_NOT_EXIT))
                    .hasMessageContaining("in use by another running service");
            assertThat(running.state().up()).isTrue();
            try (Connection connection = connect(running)) {
                assertThat(connection.isValid(5)).isTrue();
            }
        }
    }

    static Connection connect(EmbeddedPostgresServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), "postgres", server.password().orElse(""));
    }

    static String show(Connection connection, String setting) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("show " + setting)) {
            row.next();
            return row.getString(1);
        }
    }
}
