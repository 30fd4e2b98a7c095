package io.benefitledger.offer;

import io.benefitledger.benefit.OfferId;
import io.benefitledger.partner.PartnerId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Which offers a partner's qualifications entitle it to, and how the offers' values read. */
class OfferCatalogueTest {

    static final OfferGrant SILVER_KIT = new OfferGrant(new OfferId("silver-kit"), "Silver marketing kit", Duration.ofDays(365));
    static final OfferGrant GOLD_KIT = new OfferGrant(new OfferId("gold-kit"), "Gold marketing kit", Duration.ofDays(365));
    static final OfferGrant CLOUD_WORKSHOP = new OfferGrant(new OfferId("cloud-workshop"), "Cloud workshop", Duration.ofDays(90));
    static final OfferCatalogue CATALOGUE = new OfferCatalogue(List.of(
            new OfferCatalogue.Entry(SILVER_KIT, Set.of("Silver Core")),
            new OfferCatalogue.Entry(GOLD_KIT, Set.of("Gold Core")),
            new OfferCatalogue.Entry(CLOUD_WORKSHOP, Set.of("Gold Core", "Azure Expert MSP"))));

    @Test
    void a_partner_gets_every_offer_any_one_of_its_qualifications_entitles_it_to_in_catalogue_order() {
        assertThat(CATALOGUE.offersFor(Set.of("Azure Expert MSP", "Silver Core"))).containsExactly(SILVER_KIT, CLOUD_WORKSHOP);
        assertThat(CATALOGUE.offersFor(Set.of("Gold Core"))).containsExactly(GOLD_KIT, CLOUD_WORKSHOP);
    }

    @Test
    void a_partner_without_a_qualification_of_the_catalogue_gets_no_offer() {
        assertThat(CATALOGUE.offersFor(Set.of("Bronze"))).isEmpty();
        assertThat(CATALOGUE.offersFor(Set.of())).isEmpty();
    }

    @Test
    void opening_go_to_market_targets_the_partners_own_go_to_market_aggregate() {
        assertThat(new OpenGoToMarket(new PartnerId("contoso"), Instant.EPOCH).goToMarket()).hasToString("contoso/go-to-market");
    }

    @Test
    void offer_ids_phone_numbers_and_language_tags_read_as_themselves_in_messages() {
        assertThat("offer " + new OfferId("silver-kit")).isEqualTo("offer silver-kit");
        assertThat("call " + new PhoneNumber("+14255550100")).isEqualTo("call +14255550100");
        assertThat("in " + new LanguageTag("en-US")).isEqualTo("in en-US");
    }
}
