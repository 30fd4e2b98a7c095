package io.benefitledger.api.ops;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Health of the projections' event processors: each must be running and not in error. Also says how far each
 * one's segments are behind the head of the event store, so a stuck projection shows before users notice.
 */
@Component("eventProcessors")
class EventProcessorsHealthIndicator implements HealthIndicator {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    EventProcessorsHealthIndicator(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    @Override
    public Health health() {
        long head;
        try {
            head = ProjectionLag.headPosition(eventStore);
        } catch (RuntimeException e) {
            // DOWN with the reason, not a failed health endpoint: the other components must still say what is wrong.
            return Health.down().withDetail("error", "the event store cannot be read").build();
        }
        boolean healthy = true;
        Map<String, Object> details = new LinkedHashMap<>();
        for (Map.Entry<String, EventProcessor> entry : processing.eventProcessors().entrySet()) {
            EventProcessor processor = entry.getValue();
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("running", processor.isRunning());
            status.put("error", processor.isError());
            if (processor instanceof StreamingEventProcessor streaming) {
                status.put("replaying", streaming.isReplaying());
                status.put("claimedSegments", streaming.processingStatus().size());
                status.put("eventsBehindHead", ProjectionLag.eventsBehind(streaming, head));
            }
            healthy &= processor.isRunning() && !processor.isError();
            details.put(entry.getKey(), status);
        }
        return (healthy ? Health.up() : Health.down()).withDetail("headPosition", head).withDetails(details).build();
    }
}
