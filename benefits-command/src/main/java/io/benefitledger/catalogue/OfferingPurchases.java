package io.benefitledger.catalogue;

import io.benefitledger.pkg.PackageId;
import io.benefitledger.pkg.PurchasePackage;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * A partner buys what the catalogue has on sale: the offering's current version (or the version the partner pinned,
 * while it is current) becomes the package's contents, name and limit, and the package is bought in the same
 * transaction. What is on sale is the catalogue's rule; what a package holds and how many a partner may hold per
 * membership year are decided by the package, with the contents and limit given here.
 */
public class OfferingPurchases {

    private final Offerings offerings;
    private final CommandGateway commands;

    public OfferingPurchases(Offerings offerings, CommandGateway commands) {
        this.offerings = offerings;
        this.commands = commands;
    }

    @CommandHandler
    PackageId handle(PurchaseOffering command) {
        OfferingPublished bought = offerings.find(command.offering())
                .filter(OfferingHistory::isPublished)
                .orElseThrow(() -> new UnknownOffering(command.offering()))
                .forPurchase(command.version());
        OfferingContents contents = bought.contents();
        commands.sendAndWait(new PurchasePackage(command.packageId(), command.partnerId(), contents.name(),
                contents.allocations(), command.purchasedBy(), command.at(), command.offering(), bought.version(),
                contents.limit()));
        return command.packageId();
    }
}
