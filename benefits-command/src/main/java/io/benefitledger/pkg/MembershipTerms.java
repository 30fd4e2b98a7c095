package io.benefitledger.pkg;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How the program measures a membership year: it runs {@link #YEAR} from its start to its anniversary; renewing is
 * possible from {@code renewalWindow} before the anniversary until {@code gracePeriod} after it, during which the
 * benefits stay usable. The terms of a year are recorded when it begins ({@link PackagePurchased}), so changing
 * them changes only years that begin later.
 */
public record MembershipTerms(Duration renewalWindow, Duration gracePeriod) {

    /** A membership year, as the program's documentation defines it: the purchase plus 365 days. */
    public static final Duration YEAR = Duration.ofDays(365);

    public MembershipTerms {
        Objects.requireNonNull(renewalWindow, "the renewal window is required");
        Objects.requireNonNull(gracePeriod, "the grace period is required");
        if (renewalWindow.isNegative() || renewalWindow.compareTo(YEAR) > 0 || gracePeriod.isNegative()
            || gracePeriod.compareTo(YEAR) > 0) {
            throw new IllegalArgumentException("the renewal window and the grace period are each from 0 to 365 days");
        }
    }

    /** The year that starts at {@code start}. */
    public MembershipYear yearFrom(Instant start) {
        Instant anniversary = start.plus(YEAR);
        return new MembershipYear(start, anniversary.minus(renewalWindow), anniversary, anniversary.plus(gracePeriod));
    }
}
