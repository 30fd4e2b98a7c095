package io.benefitledger.api.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.Set;

/**
 * Local mode only: mints a bearer token for whoever asks, for the README tour, development and tests. Never
 * registered in jwt mode, where an identity provider issues tokens.
 */
@RestController
@Conditional(SecurityConfiguration.LocalMode.class)
class LocalTokenController {

    private final LocalTokens tokens;
    private final Clock clock;

    LocalTokenController(LocalTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    record TokenRequest(@NotBlank @Pattern(regexp = ID) String userId,
                        @Pattern(regexp = ID) String partnerId,
                        @NotEmpty Set<@Pattern(regexp = "[A-Z_]{1,40}") String> roles,
                        @Size(max = 1000) Set<@Pattern(regexp = ID) String> partners) {
        static final String ID = "[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}";
    }

    record Token(String token) {
    }

    @PostMapping("/local/tokens")
    Token mint(@Valid @RequestBody TokenRequest request) {
        return new Token(tokens.mint(request.userId(), request.partnerId(), request.roles(),
                request.partners() == null ? Set.of() : request.partners(), clock.instant()));
    }
}
