package io.benefitledger.pkg;

import io.benefitledger.benefit.SubscriptionId;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import io.benefitledger.pkg.refund.RefundDecision;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * The package was cancelled with a refund; its benefits are revoked from here on: the subscriptions it opened
 * ({@code revokedSubscriptions}) end their assignments and pending activations, and its Go-To-Market offers are
 * withdrawn.
 */
@Revision("1")
public record PackageCancelled(PackageId packageId, PartnerId partnerId, String serviceRequest,
                               RefundDecision decision, List<String> revokedSubscriptions,
                               UserId requestedBy, Instant at) {

    public PackageCancelled {
        revokedSubscriptions = List.copyOf(revokedSubscriptions);
    }

    /** The subscriptions revoked, as ids; recorded as their text, the shape this event has always had. */
    public List<SubscriptionId> revokedSubscriptionIds() {
        return revokedSubscriptions.stream().map(SubscriptionId::new).toList();
    }
}
