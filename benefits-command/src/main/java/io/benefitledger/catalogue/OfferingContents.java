package io.benefitledger.catalogue;

import io.benefitledger.offer.OfferCatalogue;
import io.benefitledger.pkg.Allocations;
import io.benefitledger.pkg.PurchaseLimit;

import java.util.List;
import java.util.Objects;

/**
 * What one version of an offering holds: its name, the allocations every package of it gets (products with their
 * languages, operating systems, download templates and instructions; subscriptions, seats, technical benefits), the
 * Go-To-Market offers it grants by partner level and competency, and how often a partner may buy it.
 *
 * @param limit null: a partner may hold any number of packages of it
 */
public record OfferingContents(String name, Allocations allocations, OfferCatalogue goToMarket, PurchaseLimit limit) {

    public OfferingContents {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the offering's name is required");
        }
        Objects.requireNonNull(allocations, "the offering's allocations are required");
        goToMarket = goToMarket == null ? new OfferCatalogue(List.of()) : goToMarket;
    }
}
