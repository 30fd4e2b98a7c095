package io.benefitledger.api.security;

import io.benefitledger.api.web.ProblemType;
import io.benefitledger.api.web.Problems;
import io.benefitledger.partner.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.server.ConfigurableServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Every request but health (UP or DOWN) and the API description carries a bearer token. Its {@code roles} claim becomes
 * the caller's authorities; which partner's data a caller may touch is {@link TenantIsolation}'s business.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@Import({SecurityConfiguration.Local.class, SecurityConfiguration.IdentityProvider.class})
public class SecurityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SecurityMode securityMode(Environment environment) {
        SecurityMode mode = SecurityMode.of(environment);
        if (mode == SecurityMode.LOCAL) {
            LOG.warn("security mode LOCAL: this service mints its own tokens (POST /local/tokens) for any role a caller "
                     + "on this machine asks for. For one developer's machine only; in production run "
                     + "LEDGER_SECURITY_MODE=jwt with an identity provider");
        } else {
            LOG.info("security mode JWT: tokens of issuer {} for audience {}",
                    environment.getProperty(SecurityMode.ISSUER), SecurityMode.audiences(environment));
        }
        return mode;
    }

    /**
     * Spring Security wraps every filter of every request in an observation even when its observations are disabled
     * (management.observations.enable.spring.security): 1 to 2 % of a command's request thread (JFR). Requests are
     * timed once, as http.server.requests.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, SecurityMode mode, JwtDecoder verifier, Clock clock) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    // health answers strangers UP or DOWN only (management.endpoint.health); the rest is the operator's
                    requests.requestMatchers(HttpMethod.GET, "/actuator/health").permitAll();
                    requests.requestMatchers("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui/**",
                            "/swagger-ui.html", "/error").permitAll();
                    if (mode == SecurityMode.LOCAL) {
                        requests.requestMatchers(HttpMethod.POST, "/local/tokens").permitAll();
                    }
                    requests.requestMatchers("/actuator/**").hasRole("PROGRAM_OPERATOR");
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.decoder(new VerifiedTokens(verifier, clock))
                                .jwtAuthenticationConverter(SecurityConfiguration::authentication))
                        .authenticationEntryPoint((request, response, failure) -> Problems.write(response, ProblemType.UNAUTHENTICATED,
                                "a valid bearer token is required")))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, denied) -> Problems.write(response,
                        ProblemType.NOT_PERMITTED, "your roles do not allow this")));
        return http.build();
    }

    /** A verified token as the caller's authentication: the API's for each request, the Benefits page's for a session. */
    public static AbstractAuthenticationToken authentication(Jwt jwt) {
        Set<SimpleGrantedAuthority> authorities = new HashSet<>();
        strings(jwt, "roles").forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }

    public static Caller caller(Jwt jwt) {
        return new Caller(new UserId(jwt.getSubject()), jwt.getClaimAsString("partner"), Set.copyOf(strings(jwt, "roles")),
                Set.copyOf(strings(jwt, "partners")));
    }

    private static List<String> strings(Jwt jwt, String claim) {
        List<String> values = jwt.getClaimAsStringList(claim);
        return values == null ? List.of() : values;
    }

    /** Local mode: the service mints and checks its own tokens. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(LocalMode.class)
    static class Local {

        @Bean
        LocalTokens localTokens() {
            return new LocalTokens();
        }

        @Bean
        JwtDecoder jwtDecoder(LocalTokens tokens) {
            return tokens.decoder();
        }

        /** Local tokens are for this machine: the service listens on loopback unless server.address says otherwise. */
        @Bean
        WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> loopbackUnlessToldOtherwise(ServerProperties server) {
            return factory -> {
                if (server.getAddress() == null) {
                    factory.setAddress(InetAddress.getLoopbackAddress());
                }
            };
        }
    }

    /** jwt mode: Spring Boot builds the decoder from spring.security.oauth2.resourceserver.jwt.* and adds this check. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(JwtMode.class)
    static class IdentityProvider {

        /** Spring's timestamp check passes a token without {@code exp}: such a token would never expire. */
        @Bean
        OAuth2TokenValidator<Jwt> expiryRequired() {
            return new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull);
        }
    }

    public static class LocalMode implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return mode(context) == SecurityMode.LOCAL;
        }
    }

    public static class JwtMode implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return mode(context) == SecurityMode.JWT;
        }
    }

    private static SecurityMode mode(ConditionContext context) {
        try {
            return SecurityMode.of(context.getEnvironment());
        } catch (IllegalStateException misconfigured) {
            return null; // the securityMode bean reports it at start-up
        }
    }
}
