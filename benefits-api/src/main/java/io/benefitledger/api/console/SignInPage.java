package io.benefitledger.api.console;

import io.benefitledger.api.security.Caller;
import io.benefitledger.api.security.LocalTokens;
import io.benefitledger.api.security.SecurityConfiguration;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import io.benefitledger.api.security.TokenRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The developer sign-in of local mode: user, partner and roles, as {@code POST /local/tokens} takes them, for a
 * browser on this machine only. In jwt mode the page says that users sign in at the identity provider.
 */
@Controller
class SignInPage {

    private final ObjectProvider<LocalTokens> localTokens;
    private final ConsoleSecurity security;
    private final Validator validator;
    private final Clock clock;

    SignInPage(ObjectProvider<LocalTokens> localTokens, ConsoleSecurity security, Validator validator, Clock clock) {
        this.validator = validator;
        this.localTokens = localTokens;
        this.security = security;
        this.clock = clock;
    }

    @GetMapping(ConsoleSecurity.SIGN_IN)
    String form(@RequestParam(required = false) String signedOut, Model model) {
        model.addAttribute("signIn", new TokenRequest(null, null, null, null));
        return page(model, signedOut != null, Set.of());
    }

    /** The partners granted are typed as one comma-separated field; the rest is {@link TokenRequest} as it is. */
    @PostMapping(ConsoleSecurity.SIGN_IN)
    String signIn(@RequestParam(required = false) String userId, @RequestParam(required = false) String partnerId,
                  @RequestParam(required = false) Set<String> roles, @RequestParam(required = false) String partners,
                  Model model, HttpServletRequest http, HttpServletResponse response) {
        LocalTokens tokens = localTokens.getIfAvailable();
        if (tokens == null) {
            throw new IllegalArgumentException("this service signs users in at its identity provider, not with a user id");
        }
        TokenRequest request = new TokenRequest(userId, partnerId, roles == null ? Set.of() : roles, partners == null ? Set.of()
                : Arrays.stream(partners.split(",")).map(String::strip).filter(p -> !p.isEmpty()).collect(Collectors.toSet()));
        Set<String> invalid = validator.validate(request).stream()
                .map(violation -> violation.getPropertyPath().iterator().next().getName()).collect(Collectors.toSet());
        if (!invalid.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("signIn", request);
            return page(model, false, invalid);
        }
        String token = tokens.mint(request, http.getRemoteAddr(), clock.instant());
        security.signIn((JwtAuthenticationToken) SecurityConfiguration.authentication(tokens.verified(token)), http, response);
        return "redirect:/console";
    }

    private String page(Model model, boolean signedOut, Set<String> invalid) {
        model.addAttribute("invalid", invalid);
        model.addAttribute("localMode", localTokens.getIfAvailable() != null);
        model.addAttribute("knownRoles", new TreeSet<>(Caller.KNOWN_ROLES));
        model.addAttribute("signedOut", signedOut);
        return "console/sign-in";
    }
}
