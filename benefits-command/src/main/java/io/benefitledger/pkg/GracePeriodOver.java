package io.benefitledger.pkg;

import io.benefitledger.DeadlinePassed;
import io.benefitledger.partner.PartnerId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The grace period after the package's anniversary is over ({@code at}): the year can no longer be renewed, only a
 * fresh purchase made. Unless {@code renewedBy} continues it, {@link PackageBenefitsExpired} follows.
 */
@Revision("1")
public record GracePeriodOver(PackageId packageId, PartnerId partnerId, PackageId renewedBy, Instant at)
        implements DeadlinePassed {
}
