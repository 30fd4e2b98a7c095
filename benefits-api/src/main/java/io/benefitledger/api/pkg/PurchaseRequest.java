package io.benefitledger.api.pkg;

import io.benefitledger.benefit.Unit;

import io.benefitledger.pkg.Allocations;
import io.benefitledger.pkg.LicensedProduct;
import io.benefitledger.pkg.ProductId;
import io.benefitledger.pkg.SeatAllocation;
import io.benefitledger.pkg.TechnicalAllocation;
import io.benefitledger.pkg.UsageSubscriptionAllocation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A purchase of a benefit package, with its allocations per Benefits tab (any list may be left out).
 * {@code packageId} is optional: a client that sends one can retry safely, since a second purchase under the same
 * id is refused. How much one package may hold is the purchase's rule ({@link Allocations}), answered 422; the
 * body's size limit bounds the lists before then.
 */
record PurchaseRequest(
        @Pattern(regexp = ID) @Size(max = 64) String packageId,
        @NotBlank @Size(max = 200) String packageType,
        List<@Valid @NotNull LicensedProductRequest> software,
        List<@Valid @NotNull LicensedProductRequest> cloudLicenses,
        List<@Valid @NotNull UsageRequest> cloudUsage,
        List<@Valid @NotNull SeatsRequest> visualStudio,
        List<@Valid @NotNull TechnicalRequest> technical) {

    static final String ID = "[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}";

    record LicensedProductRequest(
            @NotNull @Pattern(regexp = ID) @Size(max = 48) String productId,
            @NotBlank @Size(max = 200) String name,
            @Min(1) int keys,
            @NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 35) String> languages,
            @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 50) String> operatingSystems,
            @NotBlank @Size(max = 2000) @Pattern(regexp = "https://\\S+") String downloadUrlTemplate,
            @Size(max = 4000) String specialInstructions) {

        LicensedProduct toProduct() {
            return new LicensedProduct(new ProductId(productId), name, keys, languages, operatingSystems,
                    downloadUrlTemplate, specialInstructions);
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

    Allocations allocations() {
        return new Allocations(
                each(software).stream().map(LicensedProductRequest::toProduct).toList(),
                each(cloudLicenses).stream().map(LicensedProductRequest::toProduct).toList(),
                each(cloudUsage).stream().map(usage -> new UsageSubscriptionAllocation(usage.allocationId(), usage.name())).toList(),
                each(visualStudio).stream().map(seats -> new SeatAllocation(seats.allocationId(), seats.name(), seats.seats())).toList(),
                each(technical).stream().map(benefit -> new TechnicalAllocation(benefit.allocationId(), benefit.name(),
                        benefit.quantity(), benefit.unit())).toList());
    }

    private static <T> List<T> each(List<T> list) {
        return list == null ? List.of() : list;
    }
}
