package io.benefitledger.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import io.benefitledger.testsupport.ServiceProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service on its default settings (the embedded PostgreSQL on a random port) after the crashes an operator
 * meets: the service's JVM killed with SIGKILL, which leaves its PostgreSQL running with nobody above it; and the
 * PostgreSQL server killed under a running service, which starts it again, or exits when it cannot.
 */
class EmbeddedServerIT {

    @TempDir
    Path parent;

    Path data() {
        return parent.resolve("postgres");
    }

    @Test
    void a_service_killed_with_sigkill_starts_again_on_its_data_directory_and_serves_what_was_written() {
        long orphan;
        try (ServiceProcess first = ServiceProcess.startEmbedded("embedded-killed", data())) {
            String alice = Ledger.registerPartner(first, "survivor");
            assertThat(first.send("POST", "/partners/survivor/packages", alice, Ledger.purchase("before-kill", 2))
                    .status()).isEqualTo(201);
            orphan = postmasterPid();
            first.kill();
        }
        assertThat(alive(orphan)).as("the killed service's PostgreSQL outlived it").isTrue();

        try (ServiceProcess second = ServiceProcess.startEmbedded("embedded-after-kill", data())) {
            assertThat(alive(orphan)).as("the orphan was stopped").isFalse();
            assertThat(second.log()).contains("stopped PostgreSQL PID " + orphan);
            assertThat(postmasterPid()).isNotEqualTo(orphan);

            String alice = Ledger.adminToken(second, "survivor");
            Ledger.awaitCaughtUp(second, Duration.ofSeconds(60));
            JsonNode tab = second.send("GET", "/partners/survivor/software", alice, null).body();
            assertThat(tab.get("rows").get(0).get("packageId").asText()).isEqualTo("before-kill");
            assertThat(second.send("POST", "/partners/survivor/packages", alice, Ledger.purchase("after-kill", 2))
                    .status()).isEqualTo(201);
        }
    }

    @Test
    void a_postgresql_server_killed_under_the_service_is_started_again_and_when_it_cannot_be_the_service_exits()
            throws IOException {
        // A start that fails, fails in 30 s here, not in the default 60 s: long enough to see health while it tries.
        try (ServiceProcess service = ServiceProcess.startEmbedded("embedded-server-killed", data(),
                "--ledger.embedded-postgres.startup-wait=30s")) {
            String alice = Ledger.registerPartner(service, "phoenix");
            assertThat(service.send("POST", "/partners/phoenix/packages", alice, Ledger.purchase("before-kill", 2))
                    .status()).isEqualTo(201);
            long killed = postmasterPid();

            ProcessHandle.of(killed).orElseThrow().destroyForcibly();

            awaitAccepted(service, alice, Duration.ofSeconds(60));
            JsonNode server = service.health().path("components").path("embeddedPostgres");
            assertThat(server.path("status").asText()).isEqualTo("UP");
            assertThat(server.path("details").path("restarts").asInt()).isEqualTo(1);
            assertThat(server.path("details").path("postmasterPid").asLong()).isNotEqualTo(killed).isEqualTo(postmasterPid());
            Ledger.awaitCaughtUp(service, Duration.ofSeconds(60));
            JsonNode tab = service.send("GET", "/partners/phoenix/software", alice, null).body();
            assertThat(tab.get("rows").findValuesAsText("packageId")).as("packages from before the kill and after")
                    .contains("before-kill").anyMatch(id -> id.startsWith("after-kill-"));
            assertThat(service.log()).contains("the embedded PostgreSQL (PID " + killed + ") exited");

            // A server that cannot start again (here its configuration is broken): the service says so, then exits
            // for its supervisor.
            Files.writeString(data().resolve("postgresql.conf"), "not a setting\n", StandardOpenOption.APPEND);
            long unrestartable = postmasterPid();
            ProcessHandle.of(unrestartable).orElseThrow().destroyForcibly();
            JsonNode down = awaitHealth(service, health -> "DOWN".equals(health.path("components")
                    .path("embeddedPostgres").path("status").asText()), Duration.ofSeconds(30));
            assertThat(down.path("status").asText()).isEqualTo("DOWN");
            assertThat(down.path("components").path("embeddedPostgres").path("details").path("detail").asText())
                    .isEqualTo("PostgreSQL (PID " + unrestartable + ") exited; restarting it");
            assertThat(service.awaitExit(Duration.ofSeconds(90))).as("exit status").hasValue(69);
            assertThat(service.log()).contains("the embedded PostgreSQL could not be restarted; the service exits with 69");
        }
    }

    /** Whatever a failed test left running on its data directory is not left to the next test or the machine. */
    @AfterEach
    void stopWhatIsLeft() throws IOException {
        Path pidFile = data().resolve("postmaster.pid");
        if (Files.exists(pidFile)) {
            ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()))
                    .filter(process -> process.info().command().orElse("").endsWith("/postgres"))
                    .ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** The running server's PID, as PostgreSQL records it in its data directory. */
    long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(data().resolve("postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    static JsonNode awaitHealth(ServiceProcess service, Predicate<JsonNode> condition, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = service.health();
            if (last != null && condition.test(last)) {
                return last;
            }
            ServiceProcess.sleep(Duration.ofMillis(250));
        }
        throw new AssertionError("health did not say so within " + patience + "; last: " + last);
    }

    /** Waits until the service takes a command again. */
    static void awaitAccepted(ServiceProcess service, String token, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        for (int attempt = 0; Instant.now().isBefore(deadline); attempt++) {
            if (service.send("POST", "/partners/phoenix/packages", token, Ledger.purchase("after-kill-" + attempt, 2))
                    .status() == 201) {
                return;
            }
            ServiceProcess.sleep(Duration.ofMillis(500));
        }
        throw new AssertionError("the service took no command within " + patience + " of its PostgreSQL's death; "
                                 + "health: " + service.health());
    }
}
