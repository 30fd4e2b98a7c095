package io.benefitledger.seat;

import io.benefitledger.partner.PartnerId;
import io.benefitledger.pkg.PackageId;
import io.benefitledger.pkg.TechnicalAllocation;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An assignable benefit of a package is available. */
@Revision("1")
public record SubscriptionOpened(SubscriptionId subscriptionId, PackageId packageId, PartnerId partnerId,
                                 SubscriptionKind kind, String benefitName, int quantity,
                                 TechnicalAllocation.Unit unit, Instant at) {
}
