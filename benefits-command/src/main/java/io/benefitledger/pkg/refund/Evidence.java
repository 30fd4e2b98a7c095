package io.benefitledger.pkg.refund;

import java.time.Instant;
import java.util.Objects;

/**
 * An event that a refund finding rests on.
 *
 * @param eventId        the event's identifier in the event store
 * @param eventType      the event's type, e.g. {@code KeysRevealed}
 * @param at             the instant the event records
 * @param sequenceNumber the event's place in its package's history: the aggregate, the projection and the audit
 *                       replay all know it exactly (a projection cannot know an event's global position: an event
 *                       that commits late reaches it with a tracking token past its own index)
 */
public record Evidence(String eventId, String eventType, Instant at, long sequenceNumber) {

    public Evidence {
        Objects.requireNonNull(eventId, "event id");
        Objects.requireNonNull(eventType, "event type");
        Objects.requireNonNull(at, "instant");
    }

    boolean happenedBy(Instant instant) {
        return !at.isAfter(instant);
    }
}
