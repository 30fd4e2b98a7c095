package io.benefitledger.api.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

import java.time.Clock;
import java.util.List;

/**
 * The Benefits page's own filter chain, before the API's: a signed-in user is remembered by a session (cookie
 * HttpOnly, SameSite=Lax, see application.yml) and every form carries a CSRF token. The session holds a verified JWT
 * ({@link ConsoleSessions}), and each request is authenticated from it as the API authenticates a bearer token, so {@code Caller}, tenant isolation, the rights and
 * the events' acting user are decided for a page exactly as for an API call. The API's stateless bearer chain is
 * untouched: it serves every path this one does not match.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {

    static final String SIGN_IN = "/console/sign-in";
    private static final String[] PATHS = {"/", "/console", "/console/**", "/oauth2/authorization/**", "/login/oauth2/code/**"};

    private final SecurityContextRepository sessions;
    private final CsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();

    ConsoleSecurity(Clock clock) {
        this.sessions = new ConsoleSessions(clock);
    }

    @Bean
    @Order(1)
    SecurityFilterChain console(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> identityProvider,
                                ObjectProvider<JwtDecoder> tokens) throws Exception {
        http.securityMatcher(PATHS)
                .securityContext(context -> context.securityContextRepository(sessions))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(SIGN_IN, "/console/language", "/console/assets/**").permitAll();
                    requests.anyRequest().authenticated();
                })
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(SIGN_IN)))
                .logout(logout -> logout.logoutUrl("/console/sign-out").logoutSuccessUrl(SIGN_IN + "?signedOut"));
        ClientRegistrationRepository registrations = identityProvider.getIfAvailable();
        if (registrations != null) {
            // jwt mode with a registered client: authorization code with PKCE (S256) at the identity provider, then
            // the access token it issued for this service is verified by the API's own decoder and kept
            DefaultOAuth2AuthorizationRequestResolver pkce = new DefaultOAuth2AuthorizationRequestResolver(registrations,
                    OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
            pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
            // the provider's tokens live in the session, never in a map shared by every user
            OAuth2AuthorizedClientRepository authorizedClients = new HttpSessionOAuth2AuthorizedClientRepository();
            http.oauth2Login(login -> login.loginPage(SIGN_IN)
                    .authorizedClientRepository(authorizedClients)
                    .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(pkce))
                    .successHandler(new ProviderSignIn(this, tokens.getObject(), authorizedClients)));
        }
        return http.build();
    }

    /**
     * Signs the caller in for this session: a new session id (no session fixation), a new CSRF token, and the
     * authentication kept in the session.
     */
    void signIn(JwtAuthenticationToken authentication, HttpServletRequest request, HttpServletResponse response) {
        SessionAuthenticationStrategy renewal = new CompositeSessionAuthenticationStrategy(List.of(
                new ChangeSessionIdAuthenticationStrategy(), new CsrfAuthenticationStrategy(csrfTokens)));
        request.getSession(true);
        renewal.onAuthentication(authentication, request, response);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
    }
}
