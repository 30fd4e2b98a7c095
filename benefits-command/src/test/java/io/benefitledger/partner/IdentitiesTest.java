package io.benefitledger.partner;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How identities read: in the event store's names, in messages and in logs. */
class IdentitiesTest {

    @Test
    void the_partners_own_id_is_what_follows_the_first_slash_of_an_event_store_name() {
        assertThat(AggregateId.localOf("contoso/action-pack-2026:vs:1")).isEqualTo("action-pack-2026:vs:1");
        assertThat(AggregateId.localOf(AggregateId.of(new PartnerId("contoso"), "go-to-market").toString()))
                .isEqualTo("go-to-market");
    }

    @Test
    void a_partner_aggregate_is_named_by_its_partner_id_alone() {
        assertThat(AggregateId.localOf("contoso")).isEqualTo("contoso");
    }

    @Test
    void partner_ids_and_email_addresses_read_as_themselves_in_messages() {
        assertThat("partner " + new PartnerId("contoso")).isEqualTo("partner contoso");
        assertThat("to " + new EmailAddress("admin@contoso.example")).isEqualTo("to admin@contoso.example");
    }
}
