package io.benefitledger.lifecycle;

import io.benefitledger.NotFound;
import io.benefitledger.offer.GtmOffer;
import io.benefitledger.pkg.DecideOfferCancellation;
import io.benefitledger.pkg.PackageId;
import io.benefitledger.pkg.RequestOfferCancellation;
import io.benefitledger.pkg.refund.RefundDecision;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.Repository;

import java.util.Optional;

/**
 * A cancellation of one offer is the package's to decide, by its refund rule; which package granted the offer is the
 * partner's offer set's to say. So the request is checked against the offer set, then decided by the package, both in
 * the request's transaction: an offer another package granted (or none) is not found, and nothing is recorded.
 */
public class OfferCancellations {

    private final Repository<GtmOffer> offerSets;
    private final CommandGateway commands;

    public OfferCancellations(Repository<GtmOffer> offerSets, CommandGateway commands) {
        this.offerSets = offerSets;
        this.commands = commands;
    }

    @CommandHandler
    RefundDecision handle(RequestOfferCancellation command) {
        Optional<PackageId> grantedBy = offerSets.load(GtmOffer.idOf(command.partnerId()).toString())
                .invoke(offers -> offers.grantorOf(command.offerId()));
        if (!grantedBy.equals(Optional.of(command.packageId()))) {
            throw new NotFound("offer of package " + command.packageId(), command.offerId());
        }
        return commands.sendAndWait(new DecideOfferCancellation(command.packageId(), command.partnerId(),
                command.offerId(), command.serviceRequest(), command.requestedBy(), command.at()));
    }
}
