package io.benefitledger.api.catalogue;

import io.benefitledger.benefit.OfferId;
import io.benefitledger.benefit.Unit;
import io.benefitledger.catalogue.OfferingContents;
import io.benefitledger.offer.OfferCatalogue;
import io.benefitledger.offer.OfferGrant;
import io.benefitledger.pkg.Allocations;
import io.benefitledger.pkg.LicensedProduct;
import io.benefitledger.pkg.ProductId;
import io.benefitledger.pkg.PurchaseLimit;
import io.benefitledger.pkg.SeatAllocation;
import io.benefitledger.pkg.TechnicalAllocation;
import io.benefitledger.pkg.UsageSubscriptionAllocation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * An offering as the program operator publishes it, and as anyone signed in reads a version of it: its name, its
 * allocations per Benefits tab (any list may be left out), the Go-To-Market offers it grants by qualification, and
 * how many packages of it a partner may hold per membership year (left out: no limit). How much one package may hold
 * is the package's rule ({@link Allocations}), answered 422; the body's size limit bounds the lists before then. A
 * licensed product's {@code validityDaysFromActivation} counts how long it stays usable from its first keys' reveal;
 * left out, it lasts as long as the package's membership year.
 */
record OfferingRequest(
        @NotBlank @Size(max = 200) String name,
        List<@Valid @NotNull LicensedProductRequest> software,
        List<@Valid @NotNull LicensedProductRequest> cloudLicenses,
        List<@Valid @NotNull UsageRequest> cloudUsage,
        List<@Valid @NotNull SeatsRequest> visualStudio,
        List<@Valid @NotNull TechnicalRequest> technical,
        @Size(max = 50) List<@Valid @NotNull GoToMarketRequest> goToMarket,
        @Min(1) @Max(1000) Integer perMembershipYear) {

    static final String ID = "[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}";

    record LicensedProductRequest(
            @NotNull @Pattern(regexp = ID) @Size(max = 48) String productId,
            @NotBlank @Size(max = 200) String name,
            @Min(1) int keys,
            @NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 35) String> languages,
            @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 50) String> operatingSystems,
            @NotBlank @Size(max = 2000) @Pattern(regexp = "https://\\S+") String downloadUrlTemplate,
            @Size(max = 4000) String specialInstructions,
            @Min(1) @Max(3660) Integer validityDaysFromActivation) {

        LicensedProduct toProduct() {
            return new LicensedProduct(new ProductId(productId), name, keys, languages, operatingSystems,
                    downloadUrlTemplate, specialInstructions,
                    validityDaysFromActivation == null ? null : Duration.ofDays(validityDaysFromActivation));
        }

        static LicensedProductRequest of(LicensedProduct product) {
            return new LicensedProductRequest(product.productId().value(), product.name(), product.keys(),
                    product.languages(), product.operatingSystems(), product.downloadUrlTemplate(),
                    product.specialInstructions(), product.validFromActivation() == null ? null
                            : (int) product.validFromActivation().toDays());
        }
    }

    record UsageRequest(@NotNull @Pattern(regexp = ID) @Size(max = 48) String allocationId,
                        @NotBlank @Size(max = 200) String name) {
    }

    record SeatsRequest(@NotNull @Pattern(regexp = ID) @Size(max = 48) String allocationId,
                        @NotBlank @Size(max = 200) String name,
                        @Min(1) int seats) {
    }

    record TechnicalRequest(@NotNull @Pattern(regexp = ID) @Size(max = 48) String allocationId,
                            @NotBlank @Size(max = 200) String name,
                            @Min(1) int quantity,
                            @NotNull Unit unit) {
    }

    /** An offer the offering grants a partner holding any one of {@code qualifications}, usable for that many days. */
    record GoToMarketRequest(@NotNull @Pattern(regexp = ID) String offerId,
                             @NotBlank @Size(max = 200) String name,
                             @Min(1) @Max(3660) int validityDays,
                             @NotEmpty @Size(max = 50) Set<@NotBlank @Size(max = 200) String> qualifications) {
    }

    OfferingContents contents() {
        return new OfferingContents(name, new Allocations(
                each(software).stream().map(LicensedProductRequest::toProduct).toList(),
                each(cloudLicenses).stream().map(LicensedProductRequest::toProduct).toList(),
                each(cloudUsage).stream().map(usage -> new UsageSubscriptionAllocation(usage.allocationId(), usage.name())).toList(),
                each(visualStudio).stream().map(seats -> new SeatAllocation(seats.allocationId(), seats.name(), seats.seats())).toList(),
                each(technical).stream().map(benefit -> new TechnicalAllocation(benefit.allocationId(), benefit.name(),
                        benefit.quantity(), benefit.unit())).toList()),
                new OfferCatalogue(each(goToMarket).stream().map(offer -> new OfferCatalogue.Entry(
                        new OfferGrant(new OfferId(offer.offerId()), offer.name(), Duration.ofDays(offer.validityDays())),
                        offer.qualifications())).toList()),
                perMembershipYear == null ? null : new PurchaseLimit(perMembershipYear));
    }

    /** The same shape, read back from a published version. */
    static OfferingRequest of(OfferingContents contents) {
        Allocations allocations = contents.allocations();
        return new OfferingRequest(contents.name(),
                allocations.software().stream().map(LicensedProductRequest::of).toList(),
                allocations.cloudLicenses().stream().map(LicensedProductRequest::of).toList(),
                allocations.cloudUsage().stream().map(usage -> new UsageRequest(usage.allocationId(), usage.name())).toList(),
                allocations.visualStudio().stream().map(seats -> new SeatsRequest(seats.allocationId(), seats.name(), seats.seats())).toList(),
                allocations.technical().stream().map(benefit -> new TechnicalRequest(benefit.allocationId(), benefit.name(),
                        benefit.quantity(), benefit.unit())).toList(),
                contents.goToMarket().entries().stream().map(entry -> new GoToMarketRequest(entry.offer().offerId().value(),
                        entry.offer().name(), (int) entry.offer().validity().toDays(),
                        entry.qualifications())).toList(),
                contents.limit() == null ? null : contents.limit().perMembershipYear());
    }

    private static <T> List<T> each(List<T> list) {
        return list == null ? List.of() : list;
    }
}
