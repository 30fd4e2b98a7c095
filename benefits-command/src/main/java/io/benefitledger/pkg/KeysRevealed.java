package io.benefitledger.pkg;

import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * License keys of a product were revealed. This activates a software benefit, which ends the package's
 * right to a refund.
 */
@Revision("1")
public record KeysRevealed(PackageId packageId, PartnerId partnerId, ProductId productId, List<String> keys,
                           String language, String operatingSystem, String downloadLink,
                           UserId revealedBy, Instant at) {

    public KeysRevealed {
        keys = List.copyOf(keys);
    }
}
