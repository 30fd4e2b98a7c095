package io.benefitledger.partner;

import io.benefitledger.Identifiers;

import java.util.Objects;

/**
 * How the event store names an aggregate that belongs to a partner: the partner's id, a slash, and the partner's own
 * id for it ({@code contoso/action-pack-2026}, {@code contoso/action-pack-2026:vs:1}, {@code contoso/go-to-market}).
 * Two partners may so use the same ids, and nothing a partner is told depends on what another holds. No identifier
 * contains a slash, so the partner is always the part before the first one; the Partner aggregate itself is named
 * by its partner id alone.
 */
public record AggregateId(PartnerId partner, String local) {

    public AggregateId {
        Objects.requireNonNull(partner, "partner id is required");
        Identifiers.check("id", local);
    }

    public static AggregateId of(PartnerId partner, Object local) {
        return new AggregateId(partner, local.toString());
    }

    /** The partner's own id for the aggregate an event store identifier names (a partner's, for its Partner aggregate). */
    public static String localOf(String aggregateIdentifier) {
        return aggregateIdentifier.substring(aggregateIdentifier.indexOf('/') + 1);
    }

    @Override
    public String toString() {
        return partner.value() + "/" + local;
    }
}
