package io.benefitledger;

import java.time.Instant;

/**
 * An event that records a deadline passing (an offer's expiry, a membership year's anniversary). It is stored with
 * the deadline's instant as its timestamp, not the later moment a node delivered it, so that the history as of any
 * instant after the deadline shows it passed.
 */
public interface DeadlinePassed {

    /** The deadline's instant. */
    Instant at();
}
