package io.benefitledger.api.security;

import io.swagger.v3.oas.annotations.Operation;
import io.benefitledger.api.description.Refuses;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;

import io.benefitledger.api.web.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;

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

    record TokenRequest(@NotBlank @Pattern(regexp = ID) String userId,
                        @Pattern(regexp = ID) String partnerId,
                        @NotEmpty Set<@Pattern(regexp = "[A-Z_]{1,40}") String> roles,
                        @Size(max = 1000) Set<@Pattern(regexp = ID) String> partners) {
        static final String ID = "[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}";
    }

    record Token(String token) {
    }

    @Operation(operationId = "mintLocalToken", summary = "Mint a bearer token for a user, partner and roles (local mode only, from this machine)")
    @Refuses({ProblemType.NOT_ON_THIS_MACHINE})
    @SecurityRequirements
    @PostMapping("/local/tokens")
    Token mint(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
        if (!onThisMachine(http.getRemoteAddr())) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                    "local mode mints tokens only for callers on this machine (the loopback interface)");
            problem.setType(ProblemType.NOT_ON_THIS_MACHINE.uri());
            problem.setTitle(ProblemType.NOT_ON_THIS_MACHINE.title());
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
        }
        Set<String> unknown = new TreeSet<>(request.roles());
        unknown.removeAll(Caller.KNOWN_ROLES);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("roles: unknown role " + String.join(", ", unknown) + "; a token carries only "
                                               + String.join(", ", new TreeSet<>(Caller.KNOWN_ROLES)));
        }
        return new Token(tokens.mint(request.userId(), request.partnerId(), request.roles(),
                request.partners() == null ? Set.of() : request.partners(), clock.instant()));
    }

    /** The connection's own peer (the service trusts no forwarded-for header) is this machine. */
    private static boolean onThisMachine(String remoteAddress) {
        try {
            return InetAddress.getByName(remoteAddress).isLoopbackAddress();
        } catch (UnknownHostException unparseable) {
            return false;
        }
    }
}
