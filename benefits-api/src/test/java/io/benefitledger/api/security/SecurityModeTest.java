package io.benefitledger.api.security;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Local authentication can be had on purpose, never by accident in production. */
class SecurityModeTest {

    static final String DATABASE = "spring.datasource.url";
    static final String ISSUER = "spring.security.oauth2.resourceserver.jwt.issuer-uri";
    static final String JWK_SET = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri";
    static final String AUDIENCES = "spring.security.oauth2.resourceserver.jwt.audiences";

    @Test
    void the_embedded_default_authenticates_locally() {
        assertThat(SecurityMode.of(new MockEnvironment())).isEqualTo(SecurityMode.LOCAL);
    }

    @Test
    void an_external_database_with_an_identity_provider_authenticates_with_its_tokens() {
        assertThat(SecurityMode.of(new MockEnvironment().withProperty(DATABASE, "jdbc:postgresql://db/ledger")
                .withProperty(ISSUER, "https://idp.example").withProperty(AUDIENCES, "benefit-ledger")))
                .isEqualTo(SecurityMode.JWT);
    }

    @Test
    void jwt_mode_without_an_issuer_refuses_to_start_even_with_the_keys() {
        assertThatIllegalStateException().isThrownBy(() -> SecurityMode.of(new MockEnvironment()
                        .withProperty("ledger.security.mode", "jwt").withProperty(JWK_SET, "https://idp.example/keys")
                        .withProperty(AUDIENCES, "benefit-ledger")))
                .withMessageContaining("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI");
    }

    @Test
    void jwt_mode_without_an_audience_refuses_to_start() {
        assertThatIllegalStateException().isThrownBy(() -> SecurityMode.of(new MockEnvironment()
                        .withProperty("ledger.security.mode", "jwt").withProperty(ISSUER, "https://idp.example")))
                .withMessageContaining("no audience is configured");
    }

    @Test
    void audiences_are_read_as_a_list_or_as_comma_separated_text() {
        assertThat(SecurityMode.audiences(new MockEnvironment().withProperty(AUDIENCES + "[0]", "a")
                .withProperty(AUDIENCES + "[1]", "b"))).containsExactly("a", "b");
        assertThat(SecurityMode.audiences(new MockEnvironment().withProperty(AUDIENCES, "a,b"))).containsExactly("a", "b");
    }

    @Test
    void local_mode_warns_at_start_naming_the_mode_and_jwt_mode_does_not() {
        Logger logger = (Logger) LoggerFactory.getLogger(SecurityConfiguration.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try {
            new SecurityConfiguration().securityMode(new MockEnvironment());
            new SecurityConfiguration().securityMode(new MockEnvironment().withProperty(ISSUER, "https://idp.example")
                    .withProperty(AUDIENCES, "benefit-ledger"));
        } finally {
            logger.detachAppender(logged);
        }

        assertThat(logged.list).filteredOn(event -> event.getLevel() == Level.WARN).singleElement()
                .satisfies(warning -> assertThat(warning.getFormattedMessage()).startsWith("security mode LOCAL"));
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
