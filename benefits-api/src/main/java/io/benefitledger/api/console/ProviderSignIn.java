package io.benefitledger.api.console;

import io.benefitledger.api.security.SecurityConfiguration;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

import java.io.IOException;

/**
 * After the identity provider's sign-in: the access token it issued for this service is verified by the API's own
 * decoder (issuer, audience, signature, lifetime) and its claims (user, partner, roles, partners) become the session's
 * caller, exactly as the same token would be a bearer token's. A token the API would refuse signs nobody in.
 */
class ProviderSignIn implements AuthenticationSuccessHandler {

    private final ConsoleSecurity security;
    private final JwtDecoder tokens;
    private final OAuth2AuthorizedClientRepository authorizedClients;

    ProviderSignIn(ConsoleSecurity security, JwtDecoder tokens, OAuth2AuthorizedClientRepository authorizedClients) {
        this.security = security;
        this.tokens = tokens;
        this.authorizedClients = authorizedClients;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication login)
            throws IOException {
        OAuth2AuthenticationToken signedIn = (OAuth2AuthenticationToken) login;
        OAuth2AuthorizedClient client = authorizedClients.loadAuthorizedClient(signedIn.getAuthorizedClientRegistrationId(),
                signedIn, request);
        Jwt token = tokens.decode(client.getAccessToken().getTokenValue());
        security.signIn((JwtAuthenticationToken) SecurityConfiguration.authentication(token), request, response);
        // the provider's tokens are not kept beyond the one the session stands for
        authorizedClients.removeAuthorizedClient(signedIn.getAuthorizedClientRegistrationId(), signedIn, request, response);
        response.sendRedirect(request.getContextPath() + "/console");
    }
}
