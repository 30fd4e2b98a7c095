package io.benefitledger.query.gtm;

import io.benefitledger.benefit.OfferId;
import io.benefitledger.offer.ContactDesignated;
import io.benefitledger.offer.LanguageTag;
import io.benefitledger.offer.OfferActivated;
import io.benefitledger.offer.OfferActivationRequested;
import io.benefitledger.offer.OfferGrant;
import io.benefitledger.offer.OffersGranted;
import io.benefitledger.offer.PhoneNumber;
import io.benefitledger.partner.EmailAddress;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import io.benefitledger.pkg.PackageId;
import io.benefitledger.query.ReadSideDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.benefitledger.query.ReadSideDatabase.batch;
import static io.benefitledger.query.ReadSideDatabase.event;
import static org.assertj.core.api.Assertions.assertThat;

/** The Go-To-Market tab's offers and contact, as batches of the partner's go-to-market events leave them. */
class GoToMarketTabProjectionTest {

    static final Instant GRANTED = Instant.parse("2026-11-02T09:00:00Z");

    final JdbcTemplate jdbc = ReadSideDatabase.jdbc();
    // the tab's repositories are not asked by the event handlers
    final GoToMarketTabProjection projection = new GoToMarketTabProjection(jdbc, null, null);
    final String partner = "contoso-" + UUID.randomUUID();

    @Test
    void an_offer_granted_requested_and_activated_in_one_batch_reads_active_until_its_expiry() {
        Instant expires = GRANTED.plus(Duration.ofDays(365));
        batch(0, List.of(granted(0), offerEvent(1, new OfferActivationRequested(new PartnerId(partner),
                        new OfferId("silver-marketing-kit"), new UserId("alice"), GRANTED.plusSeconds(60))),
                offerEvent(2, new OfferActivated(new PartnerId(partner), new OfferId("silver-marketing-kit"), "F-1",
                        expires, GRANTED.plusSeconds(120)))), projection);

        assertThat(jdbc.queryForMap("select status, package_id, expires_at, last_event_sequence from gtm_offer "
                                    + "where partner_id = ?", partner))
                .containsEntry("status", "ACTIVE").containsEntry("package_id", "silver-core")
                .containsEntry("last_event_sequence", 2L);
    }

    @Test
    void a_grant_delivered_again_after_the_offer_was_activated_changes_nothing() {
        batch(0, List.of(granted(0), offerEvent(1, new OfferActivationRequested(new PartnerId(partner),
                new OfferId("silver-marketing-kit"), new UserId("alice"), GRANTED.plusSeconds(60)))), projection);

        batch(0, List.of(granted(0)), projection);

        assertThat(jdbc.queryForObject("select status from gtm_offer where partner_id = ?", String.class, partner))
                .isEqualTo("PENDING");
    }

    @Test
    void the_contact_designated_again_in_a_later_batch_replaces_the_first() {
        batch(0, List.of(offerEvent(0, designated("alice", 0))), projection);

        batch(0, List.of(offerEvent(1, designated("dave", 1))), projection);

        assertThat(jdbc.queryForMap("select contact_user, last_event_sequence from gtm_contact where partner_id = ?",
                partner)).containsEntry("contact_user", "dave").containsEntry("last_event_sequence", 1L);
    }

    private ContactDesignated designated(String user, long minutes) {
        return new ContactDesignated(new PartnerId(partner), new UserId(user), new EmailAddress(user + "@agency.example"),
                new PhoneNumber("+14255550100"), new LanguageTag("en-US"), new UserId("alice"),
                GRANTED.plus(Duration.ofMinutes(minutes)));
    }

    private DomainEventMessage<?> granted(long sequence) {
        return offerEvent(sequence, new OffersGranted(new PartnerId(partner), new PackageId("silver-core"),
                List.of(new OfferGrant(new OfferId("silver-marketing-kit"), "Silver marketing kit", Duration.ofDays(365))),
                GRANTED));
    }

    private DomainEventMessage<?> offerEvent(long sequence, Object payload) {
        return event("GtmOffer", partner + "/go-to-market", sequence, payload);
    }
}
