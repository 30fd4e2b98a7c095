package io.benefitledger.api.pkg;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A purchase of a benefit package. {@code packageId} is optional: a client that sends one can retry safely,
 * since a second purchase under the same id is refused.
 */
record PurchaseRequest(
        @Pattern(regexp = ID) String packageId,
        @NotBlank @Size(max = 200) String packageType,
        @NotNull @Size(max = 200) List<@Valid @NotNull SoftwareProductRequest> software) {

    static final String ID = "[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}";

    record SoftwareProductRequest(
            @NotNull @Pattern(regexp = ID) String productId,
            @NotBlank @Size(max = 200) String name,
            @Min(1) @Max(100_000) int keys,
            @NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 35) String> languages,
            @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 50) String> operatingSystems,
            @NotBlank @Size(max = 2000) @Pattern(regexp = "https://\\S+") String downloadUrlTemplate,
            @Size(max = 4000) String specialInstructions) {
    }
}
