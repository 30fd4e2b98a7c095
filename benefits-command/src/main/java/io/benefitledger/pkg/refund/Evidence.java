package io.benefitledger.pkg.refund;

import java.time.Instant;
import java.util.Objects;

/**
 * An event that a refund finding rests on.
 *
 * @param eventId        the event's identifier in the event store
 * @param eventType      the event's type, e.g. {@code KeysRevealed}
 * @param at             the instant the event records
 * @param globalPosition the event's position in the global log, where the deciding party knows it (a projection
 *                       or an audit replay); {@code null} inside the aggregate, which sees only its own stream
 */
public record Evidence(String eventId, String eventType, Instant at, Long globalPosition) {

    public Evidence {
        Objects.requireNonNull(eventId, "event id");
        Objects.requireNonNull(eventType, "event type");
        Objects.requireNonNull(at, "instant");
    }

    boolean happenedBy(Instant instant) {
        return !at.isAfter(instant);
    }
}
