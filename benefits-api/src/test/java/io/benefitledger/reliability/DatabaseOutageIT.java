package io.benefitledger.reliability;

import io.benefitledger.testsupport.ServiceProcess;
import io.benefitledger.testsupport.TestPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL stopped for some seconds under write load, then started again on the same data: commands in the
 * window are refused cleanly (503 problem details, nothing half written), the service recovers without a restart,
 * and its projections catch up. The test runs its own PostgreSQL, the one it can stop.
 */
class DatabaseOutageIT {

    @TempDir
    Path data;

    @Test
    void commands_fail_cleanly_while_the_database_is_down_and_the_service_recovers_without_a_restart() throws Exception {
        int port = freePort();
        EmbeddedPostgres postgres = start(port);
        TestPostgres.Database database = new TestPostgres.Database(
                "jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
        try (ServiceProcess service = ServiceProcess.start("outage", database)) {
            String token = Ledger.registerPartner(service, "outage");
            Ledger.Load load = new Ledger.Load(4, "outage", client -> service, "outage");
            ServiceProcess.sleep(Duration.ofSeconds(2));

            postgres.close();
            ServiceProcess.sleep(Duration.ofSeconds(6));
            ServiceProcess.Answer refused = service.send("POST", "/partners/outage/packages", token,
                    Ledger.purchase("during-outage", 2));
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.body().get("type").asText()).endsWith("/database-unavailable");

            postgres = start(port);
            Instant recovered = awaitAccepted(service, token, Duration.ofSeconds(60));
            ServiceProcess.sleep(Duration.ofSeconds(2));
            load.stop();

            assertThat(load.count(503)).as("commands refused while the database was down").isPositive();
            assertThat(load.count(500)).as("no command failed any other way").isZero();
            assertThat(load.count(0)).as("no command was left without an answer").isZero();
            Map<String, Long> stored = Ledger.purchasesStored(database);
            for (String acknowledged : load.acknowledged()) {
                assertThat(stored.get(acknowledged)).as(acknowledged).isEqualTo(1L);
            }
            assertThat(stored).doesNotContainKey("during-outage");
            assertThat(stored.values()).allMatch(count -> count == 1L);
            assertThat(seatsOpened(database)).as("every stored purchase has its seat: nothing half written")
                    .isEqualTo(stored.size());

            Ledger.awaitCaughtUp(service, Duration.ofSeconds(90));
            String alice = Ledger.adminToken(service, "outage");
            assertThat(service.send("GET", "/partners/outage/software?size=1", alice, null).body().get("total").asLong())
                    .as("the software tab caught up with every stored package (recovered at " + recovered + ")")
                    .isEqualTo(stored.size());
        } finally {
            postgres.close();
        }
    }

    EmbeddedPostgres start(int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").start();
    }

    static Instant awaitAccepted(ServiceProcess service, String token, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        for (int attempt = 0; Instant.now().isBefore(deadline); attempt++) {
            if (service.send("POST", "/partners/outage/packages", token, Ledger.purchase("after-outage-" + attempt, 2))
                    .status() == 201) {
                return Instant.now();
            }
            ServiceProcess.sleep(Duration.ofMillis(500));
        }
        throw new AssertionError("the service did not accept commands within " + patience + " of the database's return");
    }

    static long seatsOpened(TestPostgres.Database database) throws Exception {
        try (Connection connection = Ledger.connect(database); Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("""
                     select count(*) from domain_event_entry
                     where payload_type = 'io.benefitledger.seat.SubscriptionOpened'""")) {
            count.next();
            return count.getLong(1);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
