package io.benefitledger.pkg;

import io.benefitledger.DeadlinePassed;
import io.benefitledger.partner.PartnerId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A product's validity counted from its activation ran out at {@code at}: no more of its keys can be revealed. */
@Revision("1")
public record ProductExpired(PackageId packageId, PartnerId partnerId, ProductId productId, Instant at)
        implements DeadlinePassed {
}
