package io.benefitledger.api.pkg;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A service request to cancel a package with a refund. */
record CancellationRequest(@NotBlank @Size(max = 64) String serviceRequest) {
}
