package io.benefitledger.api.security;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies a bearer token once and then knows it for its lifetime: a client sends the same token with every request,
 * and checking its signature and claims again each time took 6 to 14 % of the request threads on the write path (JFR,
 * local mode's HMAC; an identity provider's RSA signature costs more). A token is
 * known until its {@code exp}, and never longer than {@link #LONGEST} after it was verified, so that in jwt mode a token
 * signed with a key the identity provider has since withdrawn is honoured for at most that much longer. Only
 * tokens the verifier accepted are kept; a refused token is verified, and refused, every time.
 */
final class VerifiedTokens implements JwtDecoder {

    static final Duration LONGEST = Duration.ofMinutes(5);
    /** Far more tokens than callers in five minutes; beyond it, the expired ones go, and if none has, all of them. */
    static final int CAPACITY = 10_000;

    private final JwtDecoder verifier;
    private final Clock clock;
    private final Map<String, Verified> known = new ConcurrentHashMap<>();

    private record Verified(Jwt jwt, Instant until) {
    }

    VerifiedTokens(JwtDecoder verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Verified verified = known.get(token);
        if (verified != null && now.isBefore(verified.until())) {
            return verified.jwt();
        }
        Jwt jwt = verifier.decode(token);
        Instant until = jwt.getExpiresAt() == null ? now : min(jwt.getExpiresAt(), now.plus(LONGEST));
        if (now.isBefore(until)) {
            if (known.size() >= CAPACITY) {
                known.values().removeIf(entry -> !now.isBefore(entry.until()));
                if (known.size() >= CAPACITY) {
                    known.clear();
                }
            }
            known.put(token, new Verified(jwt, until));
        }
        return jwt;
    }

    int size() {
        return known.size();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
