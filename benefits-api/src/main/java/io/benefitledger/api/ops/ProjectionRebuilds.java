package io.benefitledger.api.ops;

import io.benefitledger.NotFound;
import io.benefitledger.api.audit.SafeMark;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rebuilds a projection from the event store on an operator's request, and follows its progress.
 *
 * <p>Cluster safety comes from the token store: resetting claims every segment of the processor, and a segment
 * another node holds cannot be claimed, so a node that does not own the whole processor refuses the rebuild
 * (nothing is cleared) instead of racing the owner. Progress is what this node sees of its own segments.
 */
@Component
public class ProjectionRebuilds {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionRebuilds.class);
    private static final Duration LOG_EVERY = Duration.ofSeconds(5);

    /** How far a rebuild has come: the position reached of the head it has to reach, at what rate, and when done. */
    public record Progress(Instant startedAt, long target, long reached, double eventsPerSecond,
                           Duration estimatedTimeLeft, Instant finishedAt) {
    }

    /** Another node holds segments of this processor: the rebuild must be asked of the node that owns them. */
    public static class OwnedElsewhere extends RuntimeException {
        OwnedElsewhere(String processor, Throwable cause) {
            super("another node is processing segments of " + processor + "; nothing was reset. Ask again when this"
                  + " node owns them, or ask the node that does", cause);
        }
    }

    /** The processor keeps no read model and its handlers refuse a replay (the mails: a replay would send them again). */
    public static class NotRebuildable extends RuntimeException {
        NotRebuildable(String processor) {
            super(processor + " keeps no read model and is never replayed; nothing was reset");
        }
    }

    private static final class Rebuild {
        final Instant startedAt;
        final long target;
        volatile long reached;
        volatile double eventsPerSecond;
        volatile Instant finishedAt;
        Instant sampledAt;
        long sampledPosition;
        Instant loggedAt;

        Rebuild(Instant startedAt, long target, long from) {
            this.startedAt = startedAt;
            this.target = target;
            this.sampledAt = startedAt;
            this.loggedAt = startedAt;
            this.sampledPosition = from;
            this.reached = from;
        }

        Progress progress() {
            Duration left = finishedAt != null ? Duration.ZERO : eventsPerSecond > 0
                    ? Duration.ofMillis((long) ((target - reached) / eventsPerSecond * 1000)) : null;
            return new Progress(startedAt, target, reached, Math.round(eventsPerSecond * 10) / 10.0, left, finishedAt);
        }
    }

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final SafeMark safeMark;
    private final Clock clock;
    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();

    ProjectionRebuilds(EventProcessingConfiguration processing, EventStore eventStore, SafeMark safeMark, Clock clock) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.safeMark = safeMark;
        this.clock = clock;
    }

    /** Clears the projection's read model and replays every event into it; returns at once, the replay goes on. */
    public synchronized Progress rebuild(String name) {
        StreamingEventProcessor processor = processor(name);
        if (!processor.supportsReset()) {
            throw new NotRebuildable(name);
        }
        // the history up to the safe position is final; above it, an event at a lower position may still commit
        long target = safeMark.position();
        processor.shutDown();
        try {
            processor.resetTokens();
        } catch (UnableToClaimTokenException e) {
            throw new OwnedElsewhere(name, e);
        } finally {
            processor.start();
        }
        Rebuild rebuild = new Rebuild(clock.instant(), target, -1);
        rebuilds.put(name, rebuild);
        LOG.info("Rebuild of {} started: replaying up to position {}", name, target);
        return rebuild.progress();
    }

    public Optional<Progress> progress(String name) {
        return Optional.ofNullable(rebuilds.get(name)).map(Rebuild::progress);
    }

    public long head() {
        return ProjectionLag.headPosition(eventStore);
    }

    StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new NotFound("projection processor", name));
    }

    /** Samples each running rebuild's position: the rate over the last second, logged every few seconds. */
    @Scheduled(fixedDelay = 1000)
    void sample() {
        rebuilds.forEach((name, rebuild) -> {
            if (rebuild.finishedAt != null) {
                return;
            }
            StreamingEventProcessor processor = processor(name);
            List<EventTrackerStatus> segments = List.copyOf(processor.processingStatus().values());
            long reached = segments.stream().mapToLong(status -> status.getCurrentPosition().orElse(-1)).min().orElse(-1);
            Instant now = clock.instant();
            double seconds = Duration.between(rebuild.sampledAt, now).toMillis() / 1000.0;
            if (seconds > 0 && reached >= rebuild.sampledPosition) {
                double rate = (reached - rebuild.sampledPosition) / seconds;
                rebuild.eventsPerSecond = rebuild.eventsPerSecond == 0 ? rate : 0.5 * rebuild.eventsPerSecond + 0.5 * rate;
            }
            rebuild.sampledAt = now;
            rebuild.sampledPosition = Math.max(reached, rebuild.sampledPosition);
            rebuild.reached = Math.max(reached, rebuild.reached);
            // A segment stays "replaying" until it sees an event past the reset point; reaching the target is enough.
            if (!segments.isEmpty() && rebuild.reached >= rebuild.target) {
                rebuild.finishedAt = now;
                Duration took = Duration.between(rebuild.startedAt, now);
                rebuild.eventsPerSecond = (rebuild.reached + 1) / Math.max(0.001, took.toMillis() / 1000.0);
                LOG.info("Rebuild of {} finished: position {} reached in {} s, {} events/s on average", name,
                        rebuild.reached, took.toMillis() / 1000.0, Math.round(rebuild.eventsPerSecond));
            } else if (Duration.between(rebuild.loggedAt, now).compareTo(LOG_EVERY) >= 0) {
                rebuild.loggedAt = now;
                Progress progress = rebuild.progress();
                LOG.info("Rebuild of {}: position {} of {}, {} events/s, about {} s left", name, progress.reached(),
                        progress.target(), progress.eventsPerSecond(),
                        progress.estimatedTimeLeft() == null ? "?" : progress.estimatedTimeLeft().toSeconds());
            }
        });
    }
}
