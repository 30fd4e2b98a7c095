package io.benefitledger.api.pkg;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A purchase of an offering of the program's catalogue: what a package holds is the offering's, never the partner's.
 * {@code packageId} is optional: a client that sends one can retry safely, since a second purchase under the same id
 * is refused. {@code version} pins the version the partner was shown; left out, the current one is bought.
 */
record PurchaseRequest(
        @Pattern(regexp = ID) @Size(max = 64) String packageId,
        @NotNull @Pattern(regexp = ID) String offering,
        @Min(1) Integer version) {

    static final String ID = "[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}";
}
