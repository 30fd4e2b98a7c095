package io.benefitledger.api.web;

import io.benefitledger.api.ops.ProjectionLag;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lets a client read its own writes. A command answers with the global position of the last event it recorded;
 * a read that names that position is parked until every segment of the read model's processor has processed it.
 * <p>
 * A parked read holds no thread: it is a future that one watcher completes. The watcher looks, while reads are
 * parked, every {@code LOOK} at each processor's progress: a segment this node owns by its in-memory progress (a
 * pooled processor stores a segment's token only when that segment handles an event or extends its claim, so a
 * stored token may lag behind events the segment had nothing to do with), a segment another node owns by the shared
 * token store, read in one query for all parked reads at most every {@code STORED_TOKENS_AGE}. A read that is not
 * served within the maximum wait is answered 503; a position beyond the store's head is refused at once, and each
 * caller may have at most {@code waiters-per-caller} reads parked.
 */
@Component
public class ReadYourWrites implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(ReadYourWrites.class);

    private static final Duration LOOK = Duration.ofMillis(10);
    private static final Duration STORED_TOKENS_AGE = Duration.ofMillis(100);

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final Duration maximumWait;
    private final int waitersPerCaller;

    private final Set<Waiter> parked = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> parkedPerCaller = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "read-your-writes");
        thread.setDaemon(true);
        return thread;
    });
    /** Read and written by the watcher's thread only. */
    private Map<String, Map<Integer, TrackingToken>> storedTokens = Map.of();
    private long storedTokensRead;

    ReadYourWrites(JdbcTemplate jdbc, Serializer serializer, EventProcessingConfiguration processing, EventStore eventStore,
                   @Value("${ledger.read-your-writes.maximum-wait}") Duration maximumWait,
                   @Value("${ledger.read-your-writes.waiters-per-caller}") int waitersPerCaller) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.processing = processing;
        this.eventStore = eventStore;
        this.maximumWait = maximumWait;
        this.waitersPerCaller = waitersPerCaller;
        watcher.scheduleWithFixedDelay(this::look, LOOK.toMillis(), LOOK.toMillis(), TimeUnit.MILLISECONDS);
    }

    private record Waiter(String processor, long position, String caller, long deadline, CompletableFuture<Void> processed) {
    }

    /**
     * Completes once every segment of {@code processor} has processed {@code position}: at once if it has, else when
     * the watcher sees it, or exceptionally with {@link ReadModelBehind} after the maximum wait.
     *
     * @throws BeyondHead when no event has been recorded at or after {@code position}
     * @throws TooManyWaiting when {@code caller} has as many reads parked as it may
     */
    public CompletableFuture<Void> whenProcessed(String processor, long position, String caller) {
        long head = ProjectionLag.headPosition(eventStore);
        if (position > head) {
            throw new BeyondHead(position, Math.max(head, 0));
        }
        if (processed(processor, position, local(processor), storedTokens(List.of(processor)).get(processor))) {
            return CompletableFuture.completedFuture(null);
        }
        AtomicInteger callersParked = parkedPerCaller.computeIfAbsent(caller, c -> new AtomicInteger());
        if (callersParked.incrementAndGet() > waitersPerCaller) {
            callersParked.decrementAndGet();
            throw new TooManyWaiting(waitersPerCaller);
        }
        Waiter waiter = new Waiter(processor, position, caller, System.nanoTime() + maximumWait.toNanos(), new CompletableFuture<>());
        parked.add(waiter);
        return waiter.processed();
    }

    /** How many reads are parked now. */
    public int parked() {
        return parked.size();
    }

    private void look() {
        if (parked.isEmpty()) {
            return;
        }
        try {
            List<String> processors = parked.stream().map(Waiter::processor).distinct().toList();
            if (System.nanoTime() - storedTokensRead > STORED_TOKENS_AGE.toNanos()) {
                storedTokens = storedTokens(processors);
                storedTokensRead = System.nanoTime();
            }
            Map<String, Map<Integer, EventTrackerStatus>> local = new HashMap<>();
            processors.forEach(processor -> local.put(processor, local(processor)));
            long now = System.nanoTime();
            for (Waiter waiter : parked) {
                if (processed(waiter.processor(), waiter.position(), local.get(waiter.processor()),
                        storedTokens.getOrDefault(waiter.processor(), Map.of()))) {
                    release(waiter);
                    waiter.processed().complete(null);
                } else if (now > waiter.deadline()) {
                    release(waiter);
                    LOG.warn("{} has not caught up with position {}: local {}, stored {}", waiter.processor(), waiter.position(),
                            local.get(waiter.processor()), storedTokens.get(waiter.processor()));
                    waiter.processed().completeExceptionally(new ReadModelBehind(waiter.processor(), waiter.position(), maximumWait));
                }
            }
        } catch (RuntimeException e) {
            // the database may be away for a while: parked reads wait on, up to their deadline
            storedTokensRead = System.nanoTime();
            LOG.debug("could not look at the processors' progress: {}", e.toString());
            expireOverdue();
        }
    }

    private void expireOverdue() {
        long now = System.nanoTime();
        for (Waiter waiter : parked) {
            if (now > waiter.deadline()) {
                release(waiter);
                waiter.processed().completeExceptionally(new ReadModelBehind(waiter.processor(), waiter.position(), maximumWait));
            }
        }
    }

    private void release(Waiter waiter) {
        if (parked.remove(waiter)) {
            parkedPerCaller.computeIfPresent(waiter.caller(), (caller, count) -> count.decrementAndGet() == 0 ? null : count);
        }
    }

    private Map<Integer, EventTrackerStatus> local(String processor) {
        return processing.eventProcessor(processor, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::processingStatus).orElse(Map.of());
    }

    /** Every segment's stored token of each processor, in one query. */
    private Map<String, Map<Integer, TrackingToken>> storedTokens(List<String> processors) {
        Map<String, Map<Integer, TrackingToken>> tokens = new HashMap<>();
        jdbc.query("select processor_name, segment, token, token_type from token_entry where processor_name = any (?)",
                row -> {
                    byte[] token = row.getBytes("token");
                    tokens.computeIfAbsent(row.getString("processor_name"), p -> new HashMap<>()).put(row.getInt("segment"),
                            token == null ? null : serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, row.getString("token_type"), null)));
                }, (Object) processors.toArray(String[]::new));
        return tokens;
    }

    private static boolean processed(String processor, long position, Map<Integer, EventTrackerStatus> local,
                                     Map<Integer, TrackingToken> stored) {
        return stored != null && !stored.isEmpty() && stored.entrySet().stream().allMatch(segment ->
                covers(local.get(segment.getKey()) == null ? null : local.get(segment.getKey()).getTrackingToken(), position)
                || covers(segment.getValue(), position));
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

    @Override
    public void destroy() {
        watcher.shutdownNow();
    }

    /** The read model has not caught up with a position a client asked to see within the maximum wait. */
    public static class ReadModelBehind extends RuntimeException {
        ReadModelBehind(String processor, long position, Duration waited) {
            super("the " + processor + " read model has not yet caught up with position " + position + " (waited "
                  + waited.toMillis() + " ms); retry shortly");
        }
    }

    /** A position no event has reached: waiting for it could only time out. */
    public static class BeyondHead extends RuntimeException {
        BeyondHead(long position, long head) {
            super("awaitPosition " + position + " is beyond the last recorded position, " + head
                  + "; pass the position a command answered with");
        }
    }

    /** The caller has as many reads waiting as it may. */
    public static class TooManyWaiting extends RuntimeException {
        TooManyWaiting(int limit) {
            super("you already have " + limit + " reads waiting for a position; wait for them before sending more");
        }
    }
}
