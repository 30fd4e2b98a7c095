package io.benefitledger.api.security;

import io.benefitledger.api.web.Problems;
import io.benefitledger.partner.UserId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every request but health, info and the API description carries a bearer token. Its {@code roles} claim becomes
 * the caller's authorities; which partner's data a caller may touch is {@link TenantIsolation}'s business.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@Import(SecurityConfiguration.Local.class)
public class SecurityConfiguration {

    @Bean
    SecurityMode securityMode(Environment environment) {
        return SecurityMode.of(environment);
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, SecurityMode mode) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info",
                            "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error").permitAll();
                    if (mode == SecurityMode.LOCAL) {
                        requests.requestMatchers(HttpMethod.POST, "/local/tokens").permitAll();
                    }
                    requests.requestMatchers("/actuator/**").hasRole("PROGRAM_OPERATOR");
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(SecurityConfiguration::authentication))
                        .authenticationEntryPoint((request, response, failure) -> Problems.write(response, HttpStatus.UNAUTHORIZED,
                                "unauthenticated", "a valid bearer token is required")))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, denied) -> Problems.write(response,
                        HttpStatus.FORBIDDEN, "not-permitted", "your roles do not allow this")));
        return http.build();
    }

    static AbstractAuthenticationToken authentication(Jwt jwt) {
        Set<SimpleGrantedAuthority> authorities = new HashSet<>();
        strings(jwt, "roles").forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }

    static Caller caller(Jwt jwt) {
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
    }

    static class LocalMode implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            try {
                return SecurityMode.of(context.getEnvironment()) == SecurityMode.LOCAL;
            } catch (IllegalStateException misconfigured) {
                return false; // the securityMode bean reports it at start-up
            }
        }
    }
}
