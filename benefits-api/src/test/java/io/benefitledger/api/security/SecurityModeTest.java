package io.benefitledger.api.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Local authentication can be had on purpose, never by accident in production. */
class SecurityModeTest {

    static final String DATABASE = "spring.datasource.url";
    static final String ISSUER = "spring.security.oauth2.resourceserver.jwt.issuer-uri";

    @Test
    void the_embedded_default_authenticates_locally() {
        assertThat(SecurityMode.of(new MockEnvironment())).isEqualTo(SecurityMode.LOCAL);
    }

    @Test
    void an_external_database_with_an_identity_provider_authenticates_with_its_tokens() {
        assertThat(SecurityMode.of(new MockEnvironment()
                .withProperty(DATABASE, "jdbc:postgresql://db/ledger").withProperty(ISSUER, "https://idp.example")))
                .isEqualTo(SecurityMode.JWT);
    }

    @Test
    void an_external_database_without_an_identity_provider_refuses_to_start() {
        assertThatIllegalStateException().isThrownBy(() -> SecurityMode.of(new MockEnvironment()
                .withProperty(DATABASE, "jdbc:postgresql://db/ledger"))).withMessageContaining("no identity provider");
    }

    @Test
    void local_mode_beside_an_identity_provider_refuses_to_start() {
        assertThatIllegalStateException().isThrownBy(() -> SecurityMode.of(new MockEnvironment()
                .withProperty("ledger.security.mode", "local").withProperty(ISSUER, "https://idp.example")));
    }

    @Test
    void local_mode_with_an_external_database_must_be_asked_for() {
        assertThat(SecurityMode.of(new MockEnvironment()
                .withProperty(DATABASE, "jdbc:postgresql://db/ledger").withProperty("ledger.security.mode", "local")))
                .isEqualTo(SecurityMode.LOCAL);
    }
}
