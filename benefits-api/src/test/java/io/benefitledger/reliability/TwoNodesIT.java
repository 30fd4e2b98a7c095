package io.benefitledger.reliability;

import io.benefitledger.testsupport.ServiceProcess;
import io.benefitledger.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two service processes on one database: they share the projections' segments and both take writes; when one is
 * killed the other takes over its segments, and no read model skips or repeats an event. Two commands on the same
 * aggregate through both nodes never both succeed on stale state.
 */
class TwoNodesIT {

    @Test
    void two_nodes_share_the_work_survive_the_loss_of_one_and_never_both_act_on_stale_state() throws Exception {
        TestPostgres.Database database = TestPostgres.newDatabase();
        CompletableFuture<ServiceProcess> startingB = CompletableFuture.supplyAsync(() -> ServiceProcess.start("node-b", database));
        try (ServiceProcess a = ServiceProcess.start("node-a", database); ServiceProcess b = startingB.join()) {
            String token = Ledger.registerPartner(a, "two-nodes");

            neverBothSucceedOnStaleState(a, b, token, database);

            Ledger.Load load = new Ledger.Load(6, "both", client -> client % 2 == 0 ? a : b, "two-nodes");
            ServiceProcess.sleep(Duration.ofSeconds(3));
            a.kill();
            ServiceProcess.sleep(Duration.ofSeconds(2));
            load.stop();
            Set<String> acknowledgedByB = load.answers.entrySet().stream()
                    .filter(answer -> answer.getValue() / 100 == 2).map(Map.Entry::getKey).collect(java.util.stream.Collectors.toSet());
            assertThat(load.count(201)).as("writes acknowledged across both nodes").isGreaterThan(10);

            // B takes over A's segments once A's claims time out, and catches up to the head.
            Ledger.awaitCaughtUp(b, Duration.ofSeconds(60));
            Map<String, Long> stored = Ledger.purchasesStored(database);
            assertThat(stored.keySet()).containsAll(acknowledgedByB);
            assertThat(stored.values()).allMatch(count -> count == 1L);
            Ledger.assertReadModelsEqualAFreshRebuild(b, database);
            String alice = Ledger.adminToken(b, "two-nodes");
            assertThat(b.send("GET", "/partners/two-nodes/software?size=1", alice, null).body().get("total").asLong())
                    .as("each stored package once in the software tab").isEqualTo(stored.size());
        }
    }

    /** A package with one key left, revealed at the same moment through both nodes: one reveal wins, never two. */
    void neverBothSucceedOnStaleState(ServiceProcess a, ServiceProcess b, String token, TestPostgres.Database database)
            throws Exception {
        String tokenOfB = Ledger.adminToken(b, "two-nodes");
        for (int round = 0; round < 10; round++) {
            String packageId = "contended-" + round;
            assertThat(a.send("POST", "/partners/two-nodes/packages", token, Ledger.purchase(packageId, 1)).status()).isEqualTo(201);
            CountDownLatch start = new CountDownLatch(1);
            String path = "/partners/two-nodes/packages/" + packageId + "/software/office/keys";
            CompletableFuture<ServiceProcess.Answer> viaA = CompletableFuture.supplyAsync(() -> {
                await(start);
                return a.send("POST", path, token, Ledger.REVEAL);
            });
            CompletableFuture<ServiceProcess.Answer> viaB = CompletableFuture.supplyAsync(() -> {
                await(start);
                return b.send("POST", path, tokenOfB, Ledger.REVEAL);
            });
            start.countDown();
            List<ServiceProcess.Answer> answers = List.of(viaA.join(), viaB.join());
            assertThat(answers.stream().filter(ServiceProcess.Answer::acknowledged).count())
                    .as("round " + round + ": " + answers).isEqualTo(1);
            assertThat(answers.stream().filter(answer -> !answer.acknowledged()).map(ServiceProcess.Answer::status))
                    .as("the loser is told why").allMatch(status -> status == 409 || status == 422);
        }
        try (Connection connection = Ledger.connect(database);
             PreparedStatement reveals = connection.prepareStatement("""
                     select count(*) from domain_event_entry
                     where split_part(aggregate_identifier, '/', 2) like 'contended-%' and payload_type = 'io.benefitledger.pkg.KeysRevealed'""");
             ResultSet count = reveals.executeQuery()) {
            count.next();
            assertThat(count.getLong(1)).as("one key revealed per contended package").isEqualTo(10);
        }
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
