package io.benefitledger.pkg;

import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** A partner bought a membership benefit package with these allocations. */
@Revision("1")
public record PackagePurchased(PackageId packageId, PartnerId partnerId, String packageType,
                               List<SoftwareProduct> software, UserId purchasedBy, Instant at) {

    public PackagePurchased {
        software = software == null ? List.of() : List.copyOf(software);
    }
}
