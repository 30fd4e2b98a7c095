package io.benefitledger.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real PostgreSQL every integration test runs on, started once per test JVM: a Testcontainers container where a
 * Docker engine answers, else an embedded server (io.zonky). Each caller gets a database of its own.
 */
public final class TestPostgres {

    private record Server(String host, int port, String user, String password, String kind) {
        String url(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }
    }

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final Server SERVER = start();

    private TestPostgres() {
    }

    /** A JDBC connection description for a new, empty database. */
    public record Database(String url, String user, String password) {
    }

    public static Database newDatabase() {
        String name = "ledger_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection admin = DriverManager.getConnection(SERVER.url("postgres"), SERVER.user(), SERVER.password());
             Statement statement = admin.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return new Database(SERVER.url(name), SERVER.user(), SERVER.password());
    }

    public static String kind() {
        return SERVER.kind();
    }

    private static Server start() {
        if (dockerAnswers()) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:17-alpine");
            container.start();
            return new Server(container.getHost(), container.getFirstMappedPort(), container.getUsername(),
                    container.getPassword(), "testcontainers");
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            return new Server("localhost", postgres.getPort(), "postgres", "", "embedded");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL for tests", e);
        }
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
