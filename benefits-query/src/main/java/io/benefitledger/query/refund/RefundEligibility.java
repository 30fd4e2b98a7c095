package io.benefitledger.query.refund;

import io.benefitledger.pkg.refund.Evidence;
import io.benefitledger.pkg.refund.RefundFacts;
import io.benefitledger.pkg.refund.RefundPolicy;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.AttributeOverride;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * The facts the refund rule needs for one package, kept so that the rule can be applied at query time for any
 * instant. {@code deadline}, {@code softwareActivated} and {@code cancelled} are kept as columns too, so that
 * reports can ask "which packages are still refundable" in SQL.
 */
@Entity
@IdClass(RefundEligibility.Key.class)
@Table(name = "refund_eligibility")
public class RefundEligibility {

    /** A row is its partner's: another partner may use the same id. */
    public record Key(String partnerId, String packageId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Embeddable
    public static class EvidenceColumns {
        private String eventId;
        private String eventType;
        private Instant at;
        private long sequenceNumber;

        protected EvidenceColumns() {
        }

        EvidenceColumns(Evidence evidence) {
            this.eventId = evidence.eventId();
            this.eventType = evidence.eventType();
            this.at = evidence.at();
            this.sequenceNumber = evidence.sequenceNumber();
        }

        Evidence evidence() {
            return new Evidence(eventId, eventType, at, sequenceNumber);
        }
    }

    @Id
    private String partnerId;
    @Id
    private String packageId;
    private Instant deadline;
    private boolean softwareActivated;
    private boolean cancelled;
    @Embedded
    @AttributeOverride(name = "eventId", column = @Column(name = "purchase_event_id"))
    @AttributeOverride(name = "eventType", column = @Column(name = "purchase_event_type"))
    @AttributeOverride(name = "at", column = @Column(name = "purchased_at"))
    @AttributeOverride(name = "sequenceNumber", column = @Column(name = "purchase_sequence"))
    private EvidenceColumns purchase;
    @Embedded
    @AttributeOverride(name = "eventId", column = @Column(name = "cancellation_event_id"))
    @AttributeOverride(name = "eventType", column = @Column(name = "cancellation_event_type"))
    @AttributeOverride(name = "at", column = @Column(name = "cancelled_at"))
    @AttributeOverride(name = "sequenceNumber", column = @Column(name = "cancellation_sequence"))
    private EvidenceColumns cancellation;
    @Embedded
    @AttributeOverride(name = "eventId", column = @Column(name = "first_activation_event_id"))
    @AttributeOverride(name = "eventType", column = @Column(name = "first_activation_event_type"))
    @AttributeOverride(name = "at", column = @Column(name = "first_activated_at"))
    @AttributeOverride(name = "sequenceNumber", column = @Column(name = "first_activation_sequence"))
    private EvidenceColumns firstActivation;
    private long lastEventSequence;

    protected RefundEligibility() {
    }

    RefundEligibility(String partnerId, String packageId, RefundFacts facts) {
        this.partnerId = partnerId;
        this.packageId = packageId;
        record(facts, facts.purchase().sequenceNumber());
    }

    /**
     * Keeps the facts {@link RefundFacts#fold} yielded for the event at {@code sequence}; the reveals it keeps beside
     * the first are {@link RefundLaterActivation} rows.
     */
    void record(RefundFacts facts, long sequence) {
        purchase = new EvidenceColumns(facts.purchase());
        deadline = RefundPolicy.deadline(facts.purchase());
        firstActivation = facts.firstSoftwareActivation() == null ? null
                : new EvidenceColumns(facts.firstSoftwareActivation());
        softwareActivated = firstActivation != null;
        cancellation = facts.cancellation() == null ? null : new EvidenceColumns(facts.cancellation());
        cancelled = cancellation != null;
        lastEventSequence = sequence;
    }

    boolean hasSeen(long sequence) {
        return sequence <= lastEventSequence;
    }

    String packageId() {
        return packageId;
    }

    String partnerId() {
        return partnerId;
    }

    /** @param laterActivations the package's reveals kept beside the first, in order */
    RefundFacts facts(List<Evidence> laterActivations) {
        return new RefundFacts(purchase.evidence(), recorded(firstActivation) ? firstActivation.evidence() : null,
                laterActivations, recorded(cancellation) ? cancellation.evidence() : null);
    }

    /** Hibernate leaves an embedded value whose columns are all null as null, or as an empty instance. */
    private static boolean recorded(EvidenceColumns evidence) {
        return evidence != null && evidence.eventId != null;
    }

    Key key() {
        return new Key(partnerId, packageId);
    }
}
