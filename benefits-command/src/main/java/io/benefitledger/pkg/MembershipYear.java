package io.benefitledger.pkg;

import java.time.Instant;

/**
 * One membership year of a package: from {@code start} to its {@code anniversary}; a renewal is possible from
 * {@code renewalWindowOpens} until {@code graceEnds}, both included, and the benefits stay usable until then.
 */
public record MembershipYear(Instant start, Instant renewalWindowOpens, Instant anniversary, Instant graceEnds) {

    /** Whether a purchase at {@code at} renews this year rather than starting a fresh one. */
    public boolean renewableAt(Instant at) {
        return !at.isBefore(renewalWindowOpens) && !at.isAfter(graceEnds);
    }

    /** The instant a milestone of this year passes. */
    public Instant instantOf(Milestone milestone) {
        return switch (milestone) {
            case RENEWAL_WINDOW_OPENS -> renewalWindowOpens;
            case YEAR_ENDS -> anniversary;
            case GRACE_ENDS -> graceEnds;
        };
    }

    /** The deadlines of a membership year, each recorded as an event when it passes. */
    public enum Milestone { RENEWAL_WINDOW_OPENS, YEAR_ENDS, GRACE_ENDS }
}
