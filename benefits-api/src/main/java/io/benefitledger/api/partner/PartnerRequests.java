package io.benefitledger.api.partner;

import io.benefitledger.partner.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Set;

/** Request bodies of the partner and directory endpoints. */
final class PartnerRequests {

    static final String ID = "[A-Za-z0-9][A-Za-z0-9._:@-]{0,63}";

    private PartnerRequests() {
    }

    record NewUser(@NotNull @Pattern(regexp = ID) String userId,
                   @NotBlank @Size(max = 255) String displayName,
                   @NotBlank @Size(max = 254) String email) {
    }

    record Registration(@NotNull @Pattern(regexp = ID) String partnerId,
                        @NotBlank @Size(max = 255) String companyName,
                        @NotBlank @Size(max = 254) String companyAccountEmail,
                        @Size(max = 50) Set<@NotBlank @Size(max = 100) String> qualifications,
                        @NotNull @Valid NewUser firstAdmin) {
    }

    record UserWithRoles(@NotNull @Pattern(regexp = ID) String userId,
                         @NotBlank @Size(max = 255) String displayName,
                         @NotBlank @Size(max = 254) String email,
                         @NotNull Set<@NotNull Role> roles) {
    }

    record Roles(@NotNull Set<@NotNull Role> roles) {
    }

    record CompanyAccountEmail(@NotBlank @Size(max = 254) String email) {
    }

    record Qualifications(@NotNull @Size(max = 50) Set<@NotBlank @Size(max = 100) String> qualifications,
                          @NotBlank @Size(max = 500) String reason) {
    }
}
