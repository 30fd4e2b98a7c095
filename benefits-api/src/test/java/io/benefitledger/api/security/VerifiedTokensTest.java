package io.benefitledger.api.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Local mode's real tokens and verifier, behind the cache; the cache's clock is the test's. */
class VerifiedTokensTest {

    final LocalTokens tokens = new LocalTokens();
    final JwtDecoder local = tokens.decoder();
    final AtomicInteger verifications = new AtomicInteger();
    final JwtDecoder verifier = token -> {
        verifications.incrementAndGet();
        return local.decode(token);
    };
    Instant now = Instant.now();
    final VerifiedTokens cache = new VerifiedTokens(verifier, new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void a_valid_token_is_verified_once_and_then_known() {
        String token = tokens.mint("alice", "acme", List.of("GLOBAL_ADMIN"), List.of(), Instant.now());

        Jwt first = cache.decode(token);
        Jwt again = cache.decode(token);
        now = now.plus(VerifiedTokens.LONGEST).minusSeconds(1);
        cache.decode(token);

        assertThat(verifications).hasValue(1);
        assertThat(again.getSubject()).isEqualTo("alice");
        assertThat(again).isSameAs(first);
    }

    @Test
    void a_token_is_verified_again_once_it_has_expired() {
        // minted almost eight hours ago: it expires in a minute
        String token = tokens.mint("alice", "acme", List.of("GLOBAL_ADMIN"), List.of(),
                Instant.now().minus(Duration.ofHours(8)).plus(Duration.ofMinutes(1)));
        cache.decode(token);

        now = now.plus(Duration.ofMinutes(1));
        cache.decode(token);

        assertThat(verifications).as("the cache does not answer for a token past its exp").hasValue(2);
    }

    @Test
    void a_token_is_verified_again_five_minutes_after_it_was_verified_even_within_its_lifetime() {
        String token = tokens.mint("alice", "acme", List.of("GLOBAL_ADMIN"), List.of(), Instant.now());
        cache.decode(token);

        now = now.plus(VerifiedTokens.LONGEST);
        cache.decode(token);

        assertThat(verifications).hasValue(2);
    }

    @Test
    void a_refused_token_is_refused_every_time_and_never_kept() {
        String token = tokens.mint("alice", "acme", List.of("GLOBAL_ADMIN"), List.of(), Instant.now());
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);

        assertThatThrownBy(() -> cache.decode(forged)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> cache.decode(forged)).isInstanceOf(JwtException.class);

        assertThat(verifications).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void a_token_of_another_local_key_is_refused_although_its_claims_are_those_of_a_known_token() {
        String known = tokens.mint("alice", "acme", List.of("GLOBAL_ADMIN"), List.of(), Instant.now());
        cache.decode(known);
        String foreign = new LocalTokens().mint("alice", "acme", List.of("GLOBAL_ADMIN"), List.of(), Instant.now());

        assertThatThrownBy(() -> cache.decode(foreign)).isInstanceOf(JwtException.class);
    }

    @Test
    void the_cache_never_holds_more_than_its_capacity() {
        for (int i = 0; i <= VerifiedTokens.CAPACITY; i++) {
            cache.decode(tokens.mint("user-" + i, "acme", List.of("GLOBAL_ADMIN"), List.of(), Instant.now()));
        }

        assertThat(cache.size()).isBetween(1, VerifiedTokens.CAPACITY);
    }
}
