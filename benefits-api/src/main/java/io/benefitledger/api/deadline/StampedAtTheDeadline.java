package io.benefitledger.api.deadline;

import io.benefitledger.DeadlinePassed;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.BiFunction;

/**
 * An event recording a deadline is stored with the deadline's instant as its timestamp, not the moment a node sent
 * it: the history as of any instant after the deadline then shows it passed (the audit's time travel reads
 * timestamps). When it is stored shows in the event's database insert time.
 */
@Component
class StampedAtTheDeadline implements MessageDispatchInterceptor<EventMessage<?>> {

    StampedAtTheDeadline(EventBus eventBus) {
        eventBus.registerDispatchInterceptor(this);
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, event) -> event instanceof DomainEventMessage<?> domain
                                 && domain.getPayload() instanceof DeadlinePassed deadline
                                 && !deadline.at().equals(domain.getTimestamp())
                ? restamped(domain, deadline) : event;
    }

    private static <T> DomainEventMessage<T> restamped(DomainEventMessage<T> event, DeadlinePassed deadline) {
        return new GenericDomainEventMessage<>(event.getType(), event.getAggregateIdentifier(),
                event.getSequenceNumber(), event, deadline.at());
    }
}
