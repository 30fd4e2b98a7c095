package io.benefitledger.pkg;

import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import io.benefitledger.pkg.refund.RefundDecision;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The package was cancelled with a refund; its benefits are revoked from here on. */
@Revision("1")
public record PackageCancelled(PackageId packageId, PartnerId partnerId, String serviceRequest,
                               RefundDecision decision, UserId requestedBy, Instant at) {
}
