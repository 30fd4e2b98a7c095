package io.benefitledger.offer;

import io.benefitledger.DeadlinePassed;
import io.benefitledger.benefit.OfferId;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.pkg.PackageId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An active offer's expiry passed: it can no longer be used. {@code at} is the expiry itself. */
@Revision("1")
public record OfferExpired(PartnerId partnerId, OfferId offerId, PackageId grantedBy, Instant at)
        implements DeadlinePassed {
}
