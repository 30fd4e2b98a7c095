package io.benefitledger.api.security;

import org.springframework.core.env.Environment;

import java.util.Locale;

/**
 * How callers authenticate. {@code jwt}: bearer tokens from the identity provider named by
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or {@code .jwk-set-uri}. {@code local}: tokens the
 * service mints itself ({@code POST /local/tokens}), for the embedded default and tests.
 * <p>
 * Local mode cannot be entered by accident: it is the default only on the embedded database; with an external
 * database it must be asked for ({@code LEDGER_SECURITY_MODE=local}); and it refuses to start when an identity
 * provider is configured.
 */
public enum SecurityMode {
    LOCAL, JWT;

    static final String PROPERTY = "ledger.security.mode";

    public static SecurityMode of(Environment environment) {
        String configured = environment.getProperty(PROPERTY, "");
        boolean identityProvider = !environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", "").isBlank()
                                   || !environment.getProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", "").isBlank();
        boolean embeddedDatabase = environment.getProperty("spring.datasource.url", "").isBlank();
        SecurityMode mode = configured.isBlank()
                ? (embeddedDatabase && !identityProvider ? LOCAL : JWT)
                : SecurityMode.valueOf(configured.toUpperCase(Locale.ROOT));
        if (mode == LOCAL && identityProvider) {
            throw new IllegalStateException("ledger.security.mode=local cannot be used while an identity provider is "
                                            + "configured (spring.security.oauth2.resourceserver.jwt.*)");
        }
        if (mode == JWT && !identityProvider) {
            throw new IllegalStateException("no identity provider is configured: set "
                                            + "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI (or _JWK_SET_URI), "
                                            + "or LEDGER_SECURITY_MODE=local for a non-production ledger");
        }
        return mode;
    }
}
