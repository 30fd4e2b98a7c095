package io.benefitledger.api.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.benefitledger.testsupport.FreshDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ContextConfiguration;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * jwt mode against an identity provider's real JWK set, served over HTTP on the loopback interface by this test: a
 * token is accepted only when signed by a published key with the provider's algorithm, by the configured issuer, for
 * this service's audience, and within its lifetime; every other token is refused with 401.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = {FreshDatabase.class, JwtModeTest.IdentityProvider.class})
class JwtModeTest {

    static final String ISSUER = "https://idp.benefit-ledger.test/realms/partners";
    static final String AUDIENCE = "benefit-ledger";
    static final RSAKey FIRST_KEY = key("first");
    static final RSAKey ROTATED_KEY = key("rotated");
    static final AtomicReference<JWKSet> PUBLISHED = new AtomicReference<>(new JWKSet(FIRST_KEY.toPublicJWK()));
    static final AtomicInteger FETCHES = new AtomicInteger();
    static final HttpServer JWK_SET_SERVER = serveJwkSet();

    /** Points the service at the test's identity provider, after {@link FreshDatabase} asked for local mode. */
    static class IdentityProvider implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of(
                    "ledger.security.mode=jwt",
                    "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + ISSUER,
                    "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:"
                    + JWK_SET_SERVER.getAddress().getPort() + "/keys",
                    "spring.security.oauth2.resourceserver.jwt.audiences=" + AUDIENCE).applyTo(context);
        }
    }

    @Autowired
    TestRestTemplate http;

    @AfterAll
    static void stopIdentityProvider() {
        JWK_SET_SERVER.stop(0);
    }

    @Test
    void a_token_of_the_issuer_for_this_service_signed_with_a_published_key_is_accepted() {
        assertThat(status(signed(FIRST_KEY, claims()))).isEqualTo(200);
    }

    @Test
    void a_token_for_another_audience_is_refused() {
        assertThat(status(signed(FIRST_KEY, claims(claims -> claims.audience("some-other-api"))))).isEqualTo(401);
    }

    @Test
    void a_token_without_an_audience_is_refused() {
        assertThat(status(signed(FIRST_KEY, claims(claims -> claims.audience(List.of()))))).isEqualTo(401);
    }

    @Test
    void a_token_of_another_issuer_is_refused() {
        assertThat(status(signed(FIRST_KEY, claims(claims -> claims.issuer("https://evil.example"))))).isEqualTo(401);
    }

    @Test
    void a_token_that_never_expires_is_refused() {
        assertThat(status(signed(FIRST_KEY, claims(claims -> claims.expirationTime(null))))).isEqualTo(401);
    }

    @Test
    void an_expired_token_is_refused() {
        Instant now = Instant.now();
        assertThat(status(signed(FIRST_KEY, claims(claims -> claims.issueTime(Date.from(now.minus(Duration.ofHours(2))))
                .expirationTime(Date.from(now.minus(Duration.ofMinutes(5)))))))).isEqualTo(401);
    }

    @Test
    void a_token_not_valid_before_a_future_instant_is_refused() {
        assertThat(status(signed(FIRST_KEY, claims(claims -> claims.notBeforeTime(Date.from(Instant.now().plus(Duration.ofMinutes(5))))))))
                .isEqualTo(401);
    }

    @Test
    void a_token_signed_with_a_key_the_provider_never_published_is_refused() {
        assertThat(status(signed(key("first"), claims()))).as("an unknown key under a known kid").isEqualTo(401);
        assertThat(status(signed(key("unknown"), claims()))).as("an unknown kid").isEqualTo(401);
    }

    @Test
    void a_token_signed_with_hs256_using_the_published_public_key_as_secret_is_refused() throws JOSEException {
        SignedJWT confused = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(FIRST_KEY.getKeyID()).build(), claims());
        confused.sign(new MACSigner(FIRST_KEY.toPublicJWK().toRSAPublicKey().getEncoded()));

        assertThat(status(confused.serialize())).isEqualTo(401);
    }

    @Test
    void an_unsigned_token_is_refused() {
        assertThat(status(new PlainJWT(claims()).serialize())).isEqualTo(401);
    }

    @Test
    void a_key_the_provider_publishes_later_is_picked_up_without_a_restart() {
        assertThat(status(signed(FIRST_KEY, claims()))).isEqualTo(200);
        int fetchesBefore = FETCHES.get();

        PUBLISHED.set(new JWKSet(List.of(FIRST_KEY.toPublicJWK(), ROTATED_KEY.toPublicJWK())));

        assertThat(status(signed(ROTATED_KEY, claims()))).isEqualTo(200);
        assertThat(FETCHES.get()).as("the key set was fetched again").isGreaterThan(fetchesBefore);
    }

    /** A partner's own Global admin reading a tab: allowed with any valid token, so a refusal is the token's. */
    int status(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        ResponseEntity<String> response = http.exchange("/partners/acme/software", HttpMethod.GET, new HttpEntity<>(headers),
                String.class);
        return response.getStatusCode().value();
    }

    static JWTClaimsSet claims() {
        return claims(UnaryOperator.identity());
    }

    static JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        return change.apply(new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject("alice")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .claim("partner", "acme").claim("roles", List.of("GLOBAL_ADMIN"))).build();
    }

    static String signed(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static RSAKey key(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpServer serveJwkSet() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/keys", exchange -> {
                FETCHES.incrementAndGet();
                byte[] body = PUBLISHED.get().toString().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
