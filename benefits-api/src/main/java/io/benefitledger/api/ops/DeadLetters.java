package io.benefitledger.api.ops;

import io.benefitledger.NotFound;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The events a projection parked because handling them failed: what they are, why, and retrying them. */
@Component
public class DeadLetters {

    /** A parked event; {@code sequence} is its aggregate, whose later events wait behind it. */
    public record Letter(String eventId, String type, String aggregate, Long sequenceNumber, Instant enqueuedAt,
                         Instant lastTouched, String causeType, String causeMessage) {
    }

    /** What a retry did: how many sequences it handled, and how many letters are still parked. */
    public record Retried(int sequencesHandled, long stillParked) {
    }

    private static final int MAX_SEQUENCES_SHOWN = 100;

    private final EventProcessingConfiguration processing;

    DeadLetters(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    public long count(String processor) {
        return processing.deadLetterQueue(processor).map(SequencedDeadLetterQueue::size).orElse(0L);
    }

    public List<Letter> list(String processor) {
        List<Letter> letters = new ArrayList<>();
        int sequences = 0;
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue(processor).deadLetters()) {
            if (sequences++ == MAX_SEQUENCES_SHOWN) {
                break;
            }
            sequence.forEach(letter -> letters.add(letter(letter)));
        }
        return letters;
    }

    /** Handles the parked sequences again, oldest first, until one still fails or none is left. */
    public Retried retry(String processor) {
        queue(processor);
        SequencedDeadLetterProcessor<EventMessage<?>> retrying = processing.sequencedDeadLetterProcessor(processor)
                .orElseThrow(() -> new NotFound("dead-letter queue of", processor));
        int handled = 0;
        while (retrying.processAny()) {
            handled++;
        }
        return new Retried(handled, count(processor));
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String processor) {
        return processing.deadLetterQueue(processor).orElseThrow(() -> new NotFound("dead-letter queue of", processor));
    }

    private static Letter letter(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        DomainEventMessage<?> domain = event instanceof DomainEventMessage<?> d ? d : null;
        return new Letter(event.getIdentifier(), event.getPayloadType().getSimpleName(),
                domain == null ? null : domain.getAggregateIdentifier(), domain == null ? null : domain.getSequenceNumber(),
                letter.enqueuedAt(), letter.lastTouched(), letter.cause().map(Cause::type).orElse(null),
                letter.cause().map(Cause::message).orElse(null));
    }
}
