package io.benefitledger.api.security;

import io.swagger.v3.oas.annotations.Operation;
import io.benefitledger.api.description.Refuses;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;

import io.benefitledger.api.web.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

/**
 * Local mode only: mints a bearer token for a caller on this machine, for the README tour, development and tests.
 * Never registered in jwt mode, where an identity provider issues tokens.
 */
@Tag(name = "Authentication")
@RestController
@Conditional(SecurityConfiguration.LocalMode.class)
class LocalTokenController {

    private final LocalTokens tokens;
    private final Clock clock;

    LocalTokenController(LocalTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    record Token(String token) {
    }

    @Operation(operationId = "mintLocalToken", summary = "Mint a bearer token for a user, partner and roles (local mode only, from this machine)")
    @Refuses({ProblemType.NOT_ON_THIS_MACHINE})
    @SecurityRequirements
    @PostMapping("/local/tokens")
    Token mint(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
        return new Token(tokens.mint(request, http.getRemoteAddr(), clock.instant()));
    }
}
