package io.benefitledger.api.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * How many events each streaming processor's slowest segment is behind the head of the event store, as the gauge
 * {@code ledger.processor.behind}, read when metrics are scraped. Axon's own processor gauges are off (their
 * monitors cost a registry lookup per event; see {@code AxonConfiguration}); this is what an operator watches instead.
 */
@Component
public class ProjectionLag implements MeterBinder {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    ProjectionLag(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder("ledger.processor.behind", streaming, this::behind)
                        .description("events the processor's slowest segment is behind the head of the event store")
                        .tag("processor", name)
                        .register(registry);
            }
        });
    }

    private double behind(StreamingEventProcessor processor) {
        Long behind = eventsBehind(processor, headPosition(eventStore));
        return behind == null ? Double.NaN : behind;
    }

    /** The position of the event store's last event; -1 while it holds none. */
    public static long headPosition(EventStore eventStore) {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    /** Events between the head and the processor's slowest segment here; null while it holds no segment. */
    static Long eventsBehind(StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        long slowest = segments.values().stream().map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(position -> position.orElse(-1)).min().orElse(-1);
        return segments.isEmpty() ? null : Math.max(0, head - slowest);
    }
}
