package io.benefitledger.api.audit;

import io.benefitledger.NotFound;
import io.benefitledger.partner.AggregateId;
import io.benefitledger.partner.PartnerId;
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
        // Every event of the history is folded: the rule itself counts only the facts recorded by the instant asked.
        RefundFacts facts = null;
        for (Stored stored : events) {
            facts = RefundFacts.fold(facts, stored.event(), stored.eventId(), stored.sequenceNumber(), rules);
        }
        if (facts == null) {
            throw new NotFound("package", packageId);
        }
        return rules.decide(facts, at);
    }
}
