package io.benefitledger.pkg;

import io.benefitledger.DeadlinePassed;
import io.benefitledger.partner.PartnerId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The package's membership year reached its anniversary ({@code at}). {@code renewedBy} is the package that continues
 * it, if it was renewed; otherwise the grace period runs until {@code graceEnds}, the benefits still usable.
 */
@Revision("1")
public record MembershipYearEnded(PackageId packageId, PartnerId partnerId, PackageId renewedBy, Instant graceEnds,
                                  Instant at) implements DeadlinePassed {
}
