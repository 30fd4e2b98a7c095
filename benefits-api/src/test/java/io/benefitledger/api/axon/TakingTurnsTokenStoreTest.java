package io.benefitledger.api.axon;

import io.benefitledger.testsupport.LedgerIntegrationTest;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes starting the same processor on a fresh database: both find no segments, and both start. Each side does
 * what Axon's pooled processor does when it starts (look for segments, create them if there are none, log a failure
 * and commit); the second one reaches its creation while the first has created the segments and not yet committed.
 */
@LedgerIntegrationTest
class TakingTurnsTokenStoreTest {

    static final int SEGMENTS = 4;

    @Autowired
    TokenStore tokens;
    @Autowired
    TransactionManager transactions;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_node_that_waited_finds_the_segments_the_other_created_and_starts() throws Exception {
        String processor = "taking-turns-" + UUID.randomUUID();
        CountDownLatch firstCreated = new CountDownLatch(1);
        CountDownLatch firstMayCommit = new CountDownLatch(1);

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transactions.executeInTransaction(() -> {
            startProcessor(processor);
            firstCreated.countDown();
            await(firstMayCommit);
        }));
        assertThat(firstCreated.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> second = CompletableFuture.runAsync(() ->
                transactions.executeInTransaction(() -> startProcessor(processor)));

        awaitAnotherSessionWaitingOnALock();
        firstMayCommit.countDown();

        first.get(30, TimeUnit.SECONDS);
        second.get(30, TimeUnit.SECONDS);
        assertThat(jdbc.queryForObject("select count(*) from token_entry where processor_name = ?", Integer.class, processor))
                .isEqualTo(SEGMENTS);
    }

    /** Axon's {@code Coordinator.initializeTokenStore}, in the caller's transaction. */
    private void startProcessor(String processor) {
        if (tokens.fetchSegments(processor).length == 0) {
            try {
                tokens.initializeTokenSegments(processor, SEGMENTS, null);
            } catch (RuntimeException concurrentCreation) {
                // Axon logs this and retries, but the transaction is spoilt if the database refused the insert.
            }
        }
    }

    /** The second creation is blocked behind the first: on the first's rows, or on the lock of whoever goes first. */
    private void awaitAnotherSessionWaitingOnALock() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (jdbc.queryForObject("select count(*) from pg_stat_activity where datname = current_database() "
                                   + "and wait_event_type = 'Lock'", Integer.class) == 0) {
            assertThat(Instant.now()).as("the second creation waits for the first").isBefore(deadline);
            Thread.sleep(20);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
