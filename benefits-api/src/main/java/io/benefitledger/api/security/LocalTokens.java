package io.benefitledger.api.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.benefitledger.api.web.ProblemType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Local mode's token issuer: tokens signed with a key drawn at start-up and never stored, so they are worthless
 * outside this process and after a restart.
 */
public class LocalTokens {

    static final String ISSUER = "benefit-ledger-local";
    private static final Duration LIFETIME = Duration.ofHours(8);

    private final SecretKey key;

    LocalTokens() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /**
     * A token for what the request names, for a caller on this machine only (its connection's own peer: the service
     * trusts no forwarded-for header), and for known roles only. {@code POST /local/tokens} and the Benefits page's
     * developer sign-in both mint through here.
     */
    public String mint(TokenRequest request, String remoteAddress, Instant now) {
        if (!onThisMachine(remoteAddress)) {
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
        return mint(request.userId(), request.partnerId(), request.roles(),
                request.partners() == null ? Set.of() : request.partners(), now);
    }

    /** The token's claims, checked as every request's bearer token is. */
    public Jwt verified(String token) {
        return decoder().decode(token);
    }

    private static boolean onThisMachine(String remoteAddress) {
        try {
            return InetAddress.getByName(remoteAddress).isLoopbackAddress();
        } catch (UnknownHostException unparseable) {
            return false;
        }
    }

    String mint(String user, String partner, Collection<String> roles, Collection<String> grantedPartners, Instant now) {
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().issuer(ISSUER).subject(user).issuedAt(now)
                .expiresAt(now.plus(LIFETIME)).claim("roles", roles).claim("partners", grantedPartners);
        if (partner != null) {
            claims.claim("partner", partner);
        }
        return new NimbusJwtEncoder(new ImmutableSecret<>(key))
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
                .getTokenValue();
    }

    JwtDecoder decoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
        return decoder;
    }
}
