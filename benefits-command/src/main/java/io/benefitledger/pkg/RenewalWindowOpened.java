package io.benefitledger.pkg;

import io.benefitledger.DeadlinePassed;
import io.benefitledger.partner.PartnerId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The package's year may be renewed from now ({@code at}) until its grace period is over. */
@Revision("1")
public record RenewalWindowOpened(PackageId packageId, PartnerId partnerId, Instant anniversary, Instant graceEnds,
                                  Instant at) implements DeadlinePassed {
}
