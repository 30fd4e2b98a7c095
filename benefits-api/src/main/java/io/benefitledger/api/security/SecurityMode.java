package io.benefitledger.api.security;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

import java.util.List;
import java.util.Locale;

/**
 * How callers authenticate. {@code jwt}: bearer tokens from the identity provider, checked for its issuer
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, whose keys are discovered from it unless
 * {@code .jwk-set-uri} names them) and for this service's audience ({@code .audiences}); both are required.
 * {@code local}: tokens the service mints itself ({@code POST /local/tokens}) for callers on one developer's machine.
 * <p>
 * Local mode cannot be entered by accident: it is the default only on the embedded database; with an external
 * database it must be asked for ({@code LEDGER_SECURITY_MODE=local}); and it refuses to start when an identity
 * provider is configured.
 */
public enum SecurityMode {
    LOCAL, JWT;

    static final String PROPERTY = "ledger.security.mode";
    static final String ISSUER = "spring.security.oauth2.resourceserver.jwt.issuer-uri";
    static final String JWK_SET = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri";
    static final String AUDIENCES = "spring.security.oauth2.resourceserver.jwt.audiences";

    public static SecurityMode of(Environment environment) {
        String configured = environment.getProperty(PROPERTY, "");
        boolean issuer = !environment.getProperty(ISSUER, "").isBlank();
        boolean identityProvider = issuer || !environment.getProperty(JWK_SET, "").isBlank();
        boolean embeddedDatabase = environment.getProperty("spring.datasource.url", "").isBlank();
        SecurityMode mode = configured.isBlank()
                ? (embeddedDatabase && !identityProvider ? LOCAL : JWT)
                : SecurityMode.valueOf(configured.toUpperCase(Locale.ROOT));
        if (mode == LOCAL && identityProvider) {
            throw new IllegalStateException("ledger.security.mode=local cannot be used while an identity provider is "
                                            + "configured (spring.security.oauth2.resourceserver.jwt.*)");
        }
        if (mode == JWT && !issuer) {
            throw new IllegalStateException("no identity provider is configured: set "
                                            + "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI (the issuer its tokens "
                                            + "name) and SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES, or "
                                            + "LEDGER_SECURITY_MODE=local on a developer's machine");
        }
        if (mode == JWT && audiences(environment).isEmpty()) {
            throw new IllegalStateException("no audience is configured: set SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES "
                                            + "to the audience your identity provider issues this service's tokens for");
        }
        return mode;
    }

    /** Bound as Spring Boot binds them: a comma-separated variable or a YAML list. */
    static List<String> audiences(Environment environment) {
        return Binder.get((ConfigurableEnvironment) environment).bind(AUDIENCES, Bindable.listOf(String.class))
                .orElse(List.of()).stream().filter(audience -> !audience.isBlank()).toList();
    }
}
