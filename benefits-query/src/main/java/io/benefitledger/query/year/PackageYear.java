package io.benefitledger.query.year;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** A package's membership year as recorded: its dates and where it stands. */
@Entity
@Table(name = "package_year")
@IdClass(PackageYear.Key.class)
public class PackageYear {

    public record Key(String partnerId, String packageId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    /** Where a year stands, each set by a recorded event. */
    public enum Status { RUNNING, RENEWAL_OPEN, IN_GRACE, RENEWED, EXPIRED, REVOKED }

    @Id
    private String partnerId;
    @Id
    private String packageId;
    private String offering;
    private Instant yearStart;
    private Instant renewalWindowOpens;
    private Instant anniversary;
    private Instant graceEnds;
    private String renewalOf;
    private String renewedBy;
    @Enumerated(EnumType.STRING)
    private Status status;
    private long lastEventSequence;

    protected PackageYear() {
    }

    PackageYear(String partnerId, String packageId, String offering, Instant yearStart, Instant renewalWindowOpens,
                Instant anniversary, Instant graceEnds, String renewalOf, long sequence) {
        this.partnerId = partnerId;
        this.packageId = packageId;
        this.offering = offering;
        this.yearStart = yearStart;
        this.renewalWindowOpens = renewalWindowOpens;
        this.anniversary = anniversary;
        this.graceEnds = graceEnds;
        this.renewalOf = renewalOf;
        this.status = Status.RUNNING;
        this.lastEventSequence = sequence;
    }

    void renewed(String by, long sequence) {
        renewedBy = by;
        moved(Status.RENEWED, sequence);
    }

    /** A renewed year stays renewed whatever milestone passes after. */
    void passed(Status next, long sequence) {
        moved(status == Status.RENEWED ? Status.RENEWED : next, sequence);
    }

    void moved(Status next, long sequence) {
        status = next;
        lastEventSequence = sequence;
    }

    boolean hasSeen(long sequence) {
        return sequence <= lastEventSequence;
    }

    String packageId() {
        return packageId;
    }

    MembershipYearView view() {
        return new MembershipYearView(yearStart, renewalWindowOpens, anniversary, graceEnds, status);
    }
}
