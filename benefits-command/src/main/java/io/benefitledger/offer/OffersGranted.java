package io.benefitledger.offer;

import io.benefitledger.partner.PartnerId;
import io.benefitledger.pkg.PackageId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** A purchased package entitled the partner to these offers. */
@Revision("1")
public record OffersGranted(PartnerId partnerId, PackageId packageId, List<OfferGrant> offers, Instant at) {
}
