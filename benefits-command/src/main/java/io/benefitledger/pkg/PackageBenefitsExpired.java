package io.benefitledger.pkg;

import io.benefitledger.DeadlinePassed;
import io.benefitledger.benefit.SubscriptionId;
import io.benefitledger.partner.PartnerId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * The package's benefits expired at {@code at}: its year ended and was not renewed, or the renewal that continued it
 * expired in turn. Its licensed products expire with it; each subscription it opened ({@code subscriptions}) and the
 * package whose year it continued ({@code renewalOf}) expire at the same instant.
 */
@Revision("1")
public record PackageBenefitsExpired(PackageId packageId, PartnerId partnerId, List<String> subscriptions,
                                     PackageId renewalOf, Instant at) implements DeadlinePassed {

    public PackageBenefitsExpired {
        subscriptions = List.copyOf(subscriptions);
    }

    public List<SubscriptionId> subscriptionIds() {
        return subscriptions.stream().map(SubscriptionId::new).toList();
    }
}
