package io.benefitledger.api.pkg;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** "Get keys" for a display language and an operating system; {@code count} defaults to one key. */
record RevealKeysRequest(@NotBlank @Size(max = 35) String language,
                         @NotBlank @Size(max = 50) String operatingSystem,
                         @Min(1) @Max(1000) Integer count) {

    int countOrOne() {
        return count == null ? 1 : count;
    }
}
