package io.benefitledger.api.audit;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * Makes time travel's checkpoints as the events are recorded, in the background, so that no auditor's first look at
 * a long history pays for replaying it from the first event. Only every Nth event of an aggregate costs anything:
 * a replay of the N events since the previous checkpoint. The payload is never read (the handler takes none).
 */
@Component
@ProcessingGroup(AuditCheckpoints.NAME)
class AuditCheckpoints {

    static final String NAME = "audit-checkpoints";

    private final TimeTravel timeTravel;

    AuditCheckpoints(TimeTravel timeTravel) {
        this.timeTravel = timeTravel;
    }

    @EventHandler(payloadType = Object.class)
    void on(EventMessage<?> event, @SequenceNumber long sequence) {
        if (event instanceof DomainEventMessage<?> recorded && sequence > 0 && sequence % timeTravel.checkpointEvery() == 0) {
            timeTravel.checkpointBefore(recorded.getAggregateIdentifier(), recorded.getType(), sequence);
        }
    }
}
