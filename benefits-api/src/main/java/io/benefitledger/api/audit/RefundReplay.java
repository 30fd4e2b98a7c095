package io.benefitledger.api.audit;

import io.benefitledger.NotFound;
import io.benefitledger.partner.AggregateId;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.pkg.KeysRevealed;
import io.benefitledger.pkg.PackageCancelled;
import io.benefitledger.pkg.PackagePurchased;
import io.benefitledger.pkg.refund.Evidence;
import io.benefitledger.pkg.refund.RefundDecision;
import io.benefitledger.pkg.refund.RefundFacts;
import io.benefitledger.pkg.refund.RefundRules;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * The refund decision as of any instant, rebuilt for an auditor from the package's own events in the event store
 * (not from a read model), and decided by the version of the refund rule in force at that instant
 * ({@link RefundRules}): the rule the cancellation command enforced then.
 */
@Component
public class RefundReplay {

    private record Stored(long sequenceNumber, String eventId, Object event) {
    }

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final RefundRules rules;

    RefundReplay(JdbcTemplate jdbc, Serializer serializer, RefundRules rules) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.rules = rules;
    }

    public RefundDecision decisionAsOf(String partner, String packageId, Instant at) {
        List<Stored> events = jdbc.query("""
                        select sequence_number, event_identifier, payload_type, payload_revision, payload
                        from domain_event_entry where aggregate_identifier = ? order by sequence_number""",
                (row, index) -> new Stored(row.getLong(1), row.getString(2), serializer.deserialize(new SimpleSerializedObject<>(
                        row.getBytes(5), byte[].class, row.getString(3), row.getString(4)))),
                AggregateId.of(new PartnerId(partner), packageId).toString());
        RefundFacts facts = null;
        for (Stored stored : events) {
            if (stored.event() instanceof PackagePurchased purchased) {
                facts = RefundFacts.purchasedBy(evidence(stored, purchased.at()));
            } else if (facts != null && stored.event() instanceof KeysRevealed revealed && !revealed.at().isAfter(at)) {
                facts = facts.withSoftwareActivated(evidence(stored, revealed.at()), rules);
            } else if (facts != null && stored.event() instanceof PackageCancelled cancelled && !cancelled.at().isAfter(at)) {
                facts = facts.withCancellation(evidence(stored, cancelled.at()));
            }
        }
        if (facts == null) {
            throw new NotFound("package", packageId);
        }
        return rules.decide(facts, at);
    }

    private static Evidence evidence(Stored stored, Instant at) {
        return new Evidence(stored.eventId(), stored.event().getClass().getSimpleName(), at, stored.sequenceNumber());
    }
}
