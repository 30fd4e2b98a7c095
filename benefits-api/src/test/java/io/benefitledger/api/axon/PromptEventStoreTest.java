package io.benefitledger.api.axon;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The store's streams call a processor back when an event is committed, with the event ready to be read. */
class PromptEventStoreTest {

    static final Duration WAKE_INTERVAL = Duration.ofMillis(100);

    final PromptEventStore store = new PromptEventStore(EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()), WAKE_INTERVAL);

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    void aCommittedEventCallsTheStreamBackAndIsThenAvailable() throws InterruptedException {
        TrackingEventStream stream = store.openStream(null);
        AtomicInteger calledBack = new AtomicInteger();
        assertThat(stream.setOnAvailableCallback(calledBack::incrementAndGet)).isTrue();
        assertThat(stream.hasNextAvailable()).isFalse();

        store.publish(GenericEventMessage.asEventMessage("KeysRevealed"));

        assertThat(calledBack).hasPositiveValue();
        // How promptly it arrives is the benchmark's read-your-writes figure; here only that it does.
        assertThat(stream.hasNextAvailable(10, TimeUnit.SECONDS)).isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("KeysRevealed");
    }

    @Test
    void aBurstOfCommitsWakesTheStreamAtOnceAndThenOnceMoreForAllTheRest() throws InterruptedException {
        TrackingEventStream stream = store.openStream(null);
        List<Long> wakes = new CopyOnWriteArrayList<>();
        stream.setOnAvailableCallback(() -> wakes.add(System.nanoTime()));

        for (int i = 0; i < 50; i++) {
            store.publish(GenericEventMessage.asEventMessage("KeysRevealed " + i));
        }
        long lastCommit = System.nanoTime();

        assertThat(wakes).hasSize(1);
        Thread.sleep(WAKE_INTERVAL.multipliedBy(2).toMillis());
        // The second wake-up came after the last commit, so nothing committed in the burst waits for a later one.
        assertThat(wakes).hasSizeBetween(2, 3);
        assertThat(wakes.get(wakes.size() - 1)).isGreaterThan(lastCommit);
    }

    @Test
    void aClosedStreamIsNoLongerCalledBack() {
        TrackingEventStream stream = store.openStream(null);
        AtomicInteger calledBack = new AtomicInteger();
        stream.setOnAvailableCallback(calledBack::incrementAndGet);
        stream.close();

        store.publish(GenericEventMessage.asEventMessage("KeysRevealed"));

        assertThat(calledBack).hasValue(0);
    }
}
