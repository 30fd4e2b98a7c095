package io.benefitledger.query.refund;

import io.benefitledger.pkg.refund.Evidence;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

import static io.benefitledger.query.Columns.instant;
import static io.benefitledger.query.Columns.text;

/**
 * A key reveal of a package after its first, kept because a rule version in force at its instant lists every reveal
 * as evidence ({@code RefundFacts}). A row of its own, read by the package's key, rather than a collection of
 * {@link RefundEligibility}: Hibernate read such a collection back by the composite key's columns swapped.
 */
@Entity
@IdClass(RefundLaterActivation.Key.class)
@Table(name = "refund_later_activation")
public class RefundLaterActivation {

    public record Key(String partnerId, String packageId, long sequenceNumber) implements Serializable {
        public Key() {
            this(null, null, 0);
        }
    }

    @Id
    private String partnerId;
    @Id
    private String packageId;
    @Id
    private long sequenceNumber;
    private String eventId;
    private String eventType;
    private Instant at;

    /** A reveal is never changed once kept: a redelivered one changes nothing. */
    static final String INSERT = """
            insert into refund_later_activation (partner_id, package_id, sequence_number, event_id, event_type, at)
            values (?, ?, ?, ?, ?, ?)
            on conflict (partner_id, package_id, sequence_number) do nothing""";

    protected RefundLaterActivation() {
    }

    void bind(PreparedStatement statement) throws SQLException {
        text(statement, 1, partnerId);
        text(statement, 2, packageId);
        statement.setLong(3, sequenceNumber);
        text(statement, 4, eventId);
        text(statement, 5, eventType);
        instant(statement, 6, at);
    }

    RefundLaterActivation(String partnerId, String packageId, Evidence reveal) {
        this.partnerId = partnerId;
        this.packageId = packageId;
        this.sequenceNumber = reveal.sequenceNumber();
        this.eventId = reveal.eventId();
        this.eventType = reveal.eventType();
        this.at = reveal.at();
    }

    String packageId() {
        return packageId;
    }

    Evidence evidence() {
        return new Evidence(eventId, eventType, at, sequenceNumber);
    }
}
