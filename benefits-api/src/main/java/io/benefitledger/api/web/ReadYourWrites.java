package io.benefitledger.api.web;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collections;
import java.util.List;

/**
 * Lets a client read its own writes. A command answers with the global position of the last event it recorded;
 * a read that names that position waits until the read model's processor has processed it. Progress is read from
 * the shared token store rather than from this node's processor, so it holds when another node owns the segments.
 */
@Component
public class ReadYourWrites {

    private static final Duration POLL = Duration.ofMillis(10);

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final Duration maximumWait;

    ReadYourWrites(JdbcTemplate jdbc, Serializer serializer, @Value("${ledger.read-your-writes.maximum-wait}") Duration maximumWait) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.maximumWait = maximumWait;
    }

    /** The global position of the last event recorded for an aggregate: what a client waits for to see its write. */
    public long positionOf(Object aggregateId) {
        Long position = jdbc.queryForObject("select max(global_index) from domain_event_entry where aggregate_identifier = ?",
                Long.class, aggregateId.toString());
        if (position == null) {
            throw new IllegalStateException("no event is recorded for " + aggregateId);
        }
        return position;
    }

    /**
     * Waits until every segment of {@code processor} has processed {@code position}.
     *
     * @throws ReadModelBehind when it has not within the maximum wait
     */
    public void awaitProcessed(String processor, long position) {
        long deadline = System.nanoTime() + maximumWait.toNanos();
        TrackingToken wanted = GapAwareTrackingToken.newInstance(position, Collections.emptySet());
        while (!processed(processor, wanted)) {
            if (System.nanoTime() > deadline) {
                throw new ReadModelBehind(processor, position, maximumWait);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReadModelBehind(processor, position, maximumWait);
            }
        }
    }

    private boolean processed(String processor, TrackingToken wanted) {
        List<TrackingToken> tokens = jdbc.query("select token, token_type from token_entry where processor_name = ?",
                (row, index) -> row.getBytes("token") == null ? null
                        : serializer.deserialize(new SimpleSerializedObject<>(row.getBytes("token"), byte[].class,
                        row.getString("token_type"), null)),
                processor);
        return !tokens.isEmpty() && tokens.stream().allMatch(token -> token != null && token.covers(wanted));
    }

    /** The read model has not caught up with a position a client asked to see within the maximum wait. */
    public static class ReadModelBehind extends RuntimeException {
        ReadModelBehind(String processor, long position, Duration waited) {
            super("the " + processor + " read model has not yet caught up with position " + position + " (waited "
                  + waited.toMillis() + " ms); retry shortly");
        }
    }
}
