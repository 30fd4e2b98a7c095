package io.benefitledger.api.web;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Lets a client read its own writes. A command answers with the global position of the last event it recorded;
 * a read that names that position waits until every segment of the read model's processor has processed it.
 * A segment this node owns is judged by its in-memory progress: a pooled processor stores a segment's token only
 * when that segment handles an event, or when it extends its claim, so a stored token may lag behind events the
 * segment had nothing to do with. A segment another node owns is judged by the shared token store.
 */
@Component
public class ReadYourWrites {

    private static final Logger LOG = LoggerFactory.getLogger(ReadYourWrites.class);

    private static final Duration POLL = Duration.ofMillis(10);

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventProcessingConfiguration processing;
    private final Duration maximumWait;

    ReadYourWrites(JdbcTemplate jdbc, Serializer serializer, EventProcessingConfiguration processing,
                   @Value("${ledger.read-your-writes.maximum-wait}") Duration maximumWait) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.processing = processing;
        this.maximumWait = maximumWait;
    }

    /**
     * Waits until every segment of {@code processor} has processed {@code position}.
     *
     * @throws ReadModelBehind when it has not within the maximum wait
     */
    public void awaitProcessed(String processor, long position) {
        long deadline = System.nanoTime() + maximumWait.toNanos();
        while (!processed(processor, position)) {
            if (System.nanoTime() > deadline) {
                LOG.warn("{} has not caught up with position {}: {}", processor, position, progress(processor));
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

    private boolean processed(String processor, long wanted) {
        Map<Integer, EventTrackerStatus> local = processing.eventProcessor(processor, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::processingStatus).orElse(Map.of());
        List<Boolean> segments = jdbc.query("select segment, token, token_type from token_entry where processor_name = ?",
                (row, index) -> covers(localToken(local.get(row.getInt("segment"))), wanted)
                                || covers(stored(row.getBytes("token"), row.getString("token_type")), wanted),
                processor);
        return !segments.isEmpty() && segments.stream().allMatch(Boolean::booleanValue);
    }

    /** Each segment's local and stored token, for the log when a read waited in vain. */
    private String progress(String processor) {
        Map<Integer, EventTrackerStatus> local = processing.eventProcessor(processor, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::processingStatus).orElse(Map.of());
        return jdbc.query("select segment, owner, token, token_type from token_entry where processor_name = ?",
                (row, index) -> "segment " + row.getInt("segment") + " owned by " + row.getString("owner") + ": local "
                                + localToken(local.get(row.getInt("segment"))) + ", stored "
                                + stored(row.getBytes("token"), row.getString("token_type")), processor).toString();
    }

    private static TrackingToken localToken(EventTrackerStatus status) {
        return status == null ? null : status.getTrackingToken();
    }

    private TrackingToken stored(byte[] token, String type) {
        return token == null ? null : serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
    }

    /**
     * Whether the event at {@code position} is behind the token. Not {@link TrackingToken#covers}: that also asks
     * whether the token saw every event below the position, and an event that never committed (a gap) was never
     * there to see.
     */
    private static boolean covers(TrackingToken token, long position) {
        TrackingToken processed = WrappedToken.unwrapLowerBound(token);
        if (processed instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
        }
        return processed != null && processed.position().orElse(-1) >= position;
    }

    /** The read model has not caught up with a position a client asked to see within the maximum wait. */
    public static class ReadModelBehind extends RuntimeException {
        ReadModelBehind(String processor, long position, Duration waited) {
            super("the " + processor + " read model has not yet caught up with position " + position + " (waited "
                  + waited.toMillis() + " ms); retry shortly");
        }
    }
}
