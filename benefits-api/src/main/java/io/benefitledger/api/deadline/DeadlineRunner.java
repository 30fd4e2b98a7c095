package io.benefitledger.api.deadline;

import io.benefitledger.api.axon.CommandMetadata;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends every deadline whose instant has passed. Each is claimed with {@code select … for update skip locked}, its
 * command handled and its row deleted in one transaction: the event and the deletion commit together or not at all,
 * and a row another node holds is skipped, so a deadline is recorded once across nodes and survives any restart.
 * The aggregates record a deadline at its own instant, not at the moment it is sent here.
 */
@Component
public class DeadlineRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineRunner.class);
    /** Who the events of a deadline were caused by, in their metadata: the ledger's own schedule. */
    static final String ACTOR = "ledger-schedule";
    private static final int IMMEDIATE_RETRIES = 3;

    private record Due(long id, Instant dueAt, String type, String command) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final CommandGateway commands;
    private final Serializer serializer;
    private final Clock clock;
    private final boolean polling;
    private final Duration retryAfter;

    DeadlineRunner(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, CommandGateway commands,
                   Serializer serializer, Clock clock, @Value("${ledger.deadlines.polling}") boolean polling,
                   @Value("${ledger.deadlines.retry-after}") Duration retryAfter) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.commands = commands;
        this.serializer = serializer;
        this.clock = clock;
        this.polling = polling;
        this.retryAfter = retryAfter;
    }

    @Scheduled(fixedDelayString = "${ledger.deadlines.poll-interval}")
    void poll() {
        if (polling) {
            try {
                runDue(clock.instant());
            } catch (RuntimeException unreachable) {
                // The database may be away; the deadlines wait in it and are sent at the next poll.
                LOG.warn("deadlines not sent this time: {}", unreachable.getMessage());
            }
        }
    }

    /** Sends every deadline due at {@code now}, oldest first; answers how many were sent. */
    public int runDue(Instant now) {
        int sent = 0;
        Map<Long, Integer> conflicts = new HashMap<>();
        while (true) {
            AtomicReference<Due> claimed = new AtomicReference<>();
            try {
                Boolean found = transactions.execute(status -> {
                    List<Due> due = jdbc.query("""
                                    select deadline_id, due_at, command_type, command::text from deadline
                                    where coalesce(retry_at, due_at) <= ?
                                    order by coalesce(retry_at, due_at), deadline_id limit 1 for update skip locked""",
                            (row, index) -> new Due(row.getLong(1), row.getTimestamp(2).toInstant(), row.getString(3),
                                    row.getString(4)), Timestamp.from(now));
                    if (due.isEmpty()) {
                        return false;
                    }
                    claimed.set(due.get(0));
                    commands.sendAndWait(GenericCommandMessage.asCommandMessage(command(due.get(0)))
                            .andMetaData(Map.of(CommandMetadata.ACTING_USER, ACTOR,
                                    CommandMetadata.REQUEST_ID, "deadline-" + due.get(0).id())));
                    jdbc.update("delete from deadline where deadline_id = ?", due.get(0).id());
                    return true;
                });
                if (!Boolean.TRUE.equals(found)) {
                    return sent;
                }
                sent++;
            } catch (RuntimeException failed) {
                Due due = claimed.get();
                if (due == null) {
                    throw failed;
                }
                // Another node just changed the same aggregate (two deadlines of one package, caught up on at once):
                // its change is committed now, so the deadline is sent again at once, and then finds it.
                if (conflict(failed) && conflicts.merge(due.id(), 1, Integer::sum) <= IMMEDIATE_RETRIES) {
                    continue;
                }
                // Rolled back: the deadline waits and is tried again later, still stamped with its own instant.
                LOG.warn("deadline {} ({} due at {}) failed, trying again in {}: {}", due.id(), due.type(), due.dueAt(),
                        retryAfter, failed.toString());
                jdbc.update("update deadline set attempts = attempts + 1, retry_at = ?, last_error = ? where deadline_id = ?",
                        Timestamp.from(now.plus(retryAfter)), failed.toString(), due.id());
            }
        }
    }

    private static boolean conflict(Throwable failed) {
        for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }

    private Object command(Due due) {
        return serializer.deserialize(new SimpleSerializedObject<>(due.command(), String.class, due.type(), null));
    }
}
