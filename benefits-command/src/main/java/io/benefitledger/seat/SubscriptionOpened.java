package io.benefitledger.seat;

import io.benefitledger.partner.PartnerId;
import io.benefitledger.benefit.BenefitKind;
import io.benefitledger.benefit.SubscriptionId;
import io.benefitledger.benefit.Unit;
import io.benefitledger.pkg.PackageId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An assignable benefit of a package is available. {@code unit} is null in events recorded before every kind named its unit. */
@Revision("1")
public record SubscriptionOpened(SubscriptionId subscriptionId, PackageId packageId, PartnerId partnerId,
                                 BenefitKind kind, String benefitName, int quantity,
                                 Unit unit, Instant at) {
}
