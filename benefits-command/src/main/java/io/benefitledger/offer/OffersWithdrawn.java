package io.benefitledger.offer;

import io.benefitledger.benefit.OfferId;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.pkg.PackageId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** The offers a refunded package granted were withdrawn. */
@Revision("1")
public record OffersWithdrawn(PartnerId partnerId, PackageId packageId, List<OfferId> offers, String reason, Instant at) {
}
