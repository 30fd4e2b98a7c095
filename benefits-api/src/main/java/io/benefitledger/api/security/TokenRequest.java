package io.benefitledger.api.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Set;

/** What local mode mints a token for: a user, the partner they act for, their roles, and a reader's partners. */
public record TokenRequest(@NotBlank @Pattern(regexp = ID) String userId,
                           @Pattern(regexp = ID) String partnerId,
                           @NotEmpty Set<@Pattern(regexp = "[A-Z_]{1,40}") String> roles,
                           @Size(max = 1000) Set<@Pattern(regexp = ID) String> partners) {
    static final String ID = "[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}";
}
