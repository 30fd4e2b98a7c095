package io.benefitledger.offer;

import io.benefitledger.BenefitRuleViolation;
import io.benefitledger.NotFound;
import io.benefitledger.benefit.OfferId;
import io.benefitledger.partner.EmailAddress;
import io.benefitledger.partner.InMemoryDirectory;
import io.benefitledger.partner.NotPermitted;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.Role;
import io.benefitledger.partner.UserId;
import io.benefitledger.pkg.PackageId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.axonframework.test.matchers.Matchers.matches;

class GtmOfferTest {

    static final PartnerId PARTNER = new PartnerId("contoso");
    static final PackageId PACKAGE = new PackageId("silver-2026");
    static final UserId ADMIN = new UserId("alice");
    static final UserId MARKETER = new UserId("mia");
    static final UserId AGENT = new UserId("bob");
    static final OfferId KIT = new OfferId("silver-marketing-kit");
    static final OfferGrant KIT_FOR_A_YEAR = new OfferGrant(KIT, "Silver marketing kit", Duration.ofDays(365));
    static final EmailAddress COMPANY = new EmailAddress("admin@contoso.example");
    static final EmailAddress ALTERNATIVE = new EmailAddress("mia.marketing@contoso.example");
    static final PhoneNumber PHONE = new PhoneNumber("+14255550100");
    static final LanguageTag ENGLISH = new LanguageTag("en-US");
    static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");
    static final Instant FULFILLED_AT = AT.plus(Duration.ofDays(3));
    static final Instant EXPIRES_AT = FULFILLED_AT.plus(Duration.ofDays(365));

    FixtureConfiguration<GtmOffer> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(GtmOffer.class);
        fixture.registerInjectableResource(new InMemoryDirectory(PARTNER, COMPANY)
                .with(ADMIN, Role.GLOBAL_ADMIN).with(MARKETER, Role.MPN_PARTNER_ADMIN).with(AGENT, Role.ADMIN_AGENT));
        fixture.registerInjectableResource(new ProgramLanguages(List.of(ENGLISH, new LanguageTag("zh-TW"))));
    }

    static GoToMarketOpened opened() {
        return new GoToMarketOpened(PARTNER, AT);
    }

    static OffersGranted granted() {
        return new OffersGranted(PARTNER, PACKAGE, List.of(KIT_FOR_A_YEAR), AT);
    }

    static ContactDesignated contact(EmailAddress alternative) {
        return new ContactDesignated(PARTNER, MARKETER, alternative, PHONE, ENGLISH, ADMIN, AT);
    }

    static OfferActivationRequested requested() {
        return new OfferActivationRequested(PARTNER, KIT, MARKETER, AT);
    }

    static OfferActivated activated() {
        return new OfferActivated(PARTNER, KIT, "FUL-9", EXPIRES_AT, FULFILLED_AT);
    }

    @Test
    void an_offer_cannot_be_activated_while_the_partner_has_no_marketing_contact() {
        fixture.given(opened(), granted())
                .when(new ActivateOffer(PARTNER, KIT, ADMIN, AT))
                .expectException(OfferRefused.class)
                .expectExceptionMessage("the partner has no company marketing contact; designate one before activating an offer")
                .expectNoEvents();
    }

    @Test
    void once_a_contact_is_designated_an_offer_is_activated_and_pending() {
        fixture.given(opened(), granted(), contact(ALTERNATIVE))
                .when(new ActivateOffer(PARTNER, KIT, MARKETER, AT))
                .expectEvents(requested());
    }

    @Test
    void a_contact_changed_later_still_lets_offers_be_activated() {
        fixture.given(opened(), granted(), contact(ALTERNATIVE), contact(new EmailAddress("press@contoso.example")))
                .when(new ActivateOffer(PARTNER, KIT, ADMIN, AT))
                .expectEvents(new OfferActivationRequested(PARTNER, KIT, ADMIN, AT));
    }

    @Test
    void an_admin_agent_may_not_activate_offers() {
        fixture.given(opened(), granted(), contact(ALTERNATIVE))
                .when(new ActivateOffer(PARTNER, KIT, AGENT, AT))
                .expectException(refusedAs(NotPermitted.class, "not-permitted"))
                .expectNoEvents();
    }

    @Test
    void the_marketing_contact_is_designated_with_an_alternative_email_phone_and_language() {
        fixture.given(opened())
                .when(new DesignateMarketingContact(PARTNER, MARKETER, ALTERNATIVE, PHONE, ENGLISH, ADMIN, AT))
                .expectEvents(contact(ALTERNATIVE));
    }

    @Test
    void a_preferred_language_the_program_does_not_communicate_in_is_refused_and_a_supported_one_is_recorded_as_the_program_writes_it() {
        fixture.given(opened())
                .when(new DesignateMarketingContact(PARTNER, MARKETER, ALTERNATIVE, PHONE, new LanguageTag("zz-ZZ"), ADMIN, AT))
                .expectException(refusedAs(OfferRefused.class, "language-not-supported"))
                .expectExceptionMessage("the program does not communicate in 'zz-ZZ'; a preferred language is one of [en-US, zh-TW]")
                .expectNoEvents();
        fixture.given(opened())
                .when(new DesignateMarketingContact(PARTNER, MARKETER, ALTERNATIVE, PHONE, new LanguageTag("ZH-tw"), ADMIN, AT))
                .expectEvents(new ContactDesignated(PARTNER, MARKETER, ALTERNATIVE, PHONE, new LanguageTag("zh-TW"), ADMIN, AT));
    }

    @Test
    void the_contacts_alternative_email_may_not_be_the_company_email_in_any_letter_case() {
        fixture.given(opened())
                .when(new DesignateMarketingContact(PARTNER, MARKETER, new EmailAddress("Admin@CONTOSO.example"), PHONE,
                        ENGLISH, ADMIN, AT))
                .expectException(OfferRefused.class)
                .expectNoEvents();
    }

    @Test
    void the_contact_must_be_a_user_of_the_directory() {
        fixture.given(opened())
                .when(new DesignateMarketingContact(PARTNER, new UserId("stranger"), ALTERNATIVE, PHONE, ENGLISH, ADMIN, AT))
                .expectException(OfferRefused.class)
                .expectNoEvents();
    }

    @Test
    void a_phone_number_must_be_in_international_format() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PhoneNumber("425-555-0100"));
        assertThatIllegalArgumentException().isThrownBy(() -> new PhoneNumber("+1234567"));
    }

    @Test
    void a_preferred_language_must_be_a_language_tag() {
        assertThatIllegalArgumentException().isThrownBy(() -> new LanguageTag("english please"));
        new LanguageTag("zh-TW");
    }

    @Test
    void fulfilment_makes_the_offer_active_until_its_validity_runs_out() {
        fixture.given(opened(), granted(), contact(ALTERNATIVE), requested())
                .when(new ConfirmOfferFulfilment(PARTNER, KIT, "FUL-9", FULFILLED_AT))
                .expectEvents(activated());
    }

    @Test
    void an_active_offer_can_be_used_at_the_instant_it_expires() {
        fixture.given(opened(), granted(), contact(ALTERNATIVE), requested(), activated())
                .when(new UseOffer(PARTNER, KIT, MARKETER, "spring campaign", EXPIRES_AT))
                .expectEvents(new OfferUsed(PARTNER, KIT, MARKETER, "spring campaign", EXPIRES_AT));
    }

    @Test
    void an_offer_cannot_be_used_one_millisecond_after_it_expires() {
        fixture.given(opened(), granted(), contact(ALTERNATIVE), requested(), activated())
                .when(new UseOffer(PARTNER, KIT, MARKETER, "late campaign", EXPIRES_AT.plusMillis(1)))
                .expectException(OfferRefused.class)
                .expectNoEvents();
    }

    @Test
    void a_pending_offer_cannot_be_used() {
        fixture.given(opened(), granted(), contact(ALTERNATIVE), requested())
                .when(new UseOffer(PARTNER, KIT, MARKETER, "campaign", AT))
                .expectException(OfferRefused.class)
                .expectNoEvents();
    }

    @Test
    void an_offer_pending_activation_is_not_activated_twice() {
        fixture.given(opened(), granted(), contact(ALTERNATIVE), requested())
                .when(new ActivateOffer(PARTNER, KIT, MARKETER, AT))
                .expectException(OfferRefused.class)
                .expectNoEvents();
    }

    @Test
    void withdrawn_offers_cannot_be_activated() {
        fixture.given(opened(), granted(), contact(ALTERNATIVE),
                        new OffersWithdrawn(PARTNER, PACKAGE, List.of(KIT), "refund", AT))
                .when(new ActivateOffer(PARTNER, KIT, MARKETER, AT))
                .expectException(OfferRefused.class)
                .expectNoEvents();
    }

    @Test
    void a_refund_withdraws_every_offer_of_the_package_including_pending_ones() {
        fixture.given(opened(), granted(), contact(ALTERNATIVE), requested())
                .when(new WithdrawOffers(PARTNER, PACKAGE, "refund", AT))
                .expectEvents(new OffersWithdrawn(PARTNER, PACKAGE, List.of(KIT), "refund", AT));
    }

    @Test
    void withdrawing_when_nothing_of_the_package_is_left_records_nothing() {
        fixture.given(opened(), granted(), new OffersWithdrawn(PARTNER, PACKAGE, List.of(KIT), "refund", AT))
                .when(new WithdrawOffers(PARTNER, PACKAGE, "refund", AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void one_offer_cancelled_with_a_refund_is_withdrawn_alone_and_only_by_the_package_that_granted_it() {
        OfferId webinar = new OfferId("silver-webinar");
        OffersGranted both = new OffersGranted(PARTNER, PACKAGE, List.of(KIT_FOR_A_YEAR,
                new OfferGrant(webinar, "Silver webinar", Duration.ofDays(90))), AT);
        fixture.given(opened(), both)
                .when(new WithdrawOffer(PARTNER, PACKAGE, webinar, "offer refunded", AT))
                .expectEvents(new OffersWithdrawn(PARTNER, PACKAGE, List.of(webinar), "offer refunded", AT));
        fixture.given(opened(), both)
                .when(new WithdrawOffer(PARTNER, new PackageId("gold-2026"), webinar, "offer refunded", AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void an_offer_already_granted_is_not_granted_again() {
        fixture.given(opened(), granted())
                .when(new GrantOffers(PARTNER, new PackageId("gold-2026"), List.of(KIT_FOR_A_YEAR), AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void an_offer_that_was_not_granted_is_not_found() {
        fixture.given(opened(), contact(ALTERNATIVE))
                .when(new ActivateOffer(PARTNER, KIT, MARKETER, AT))
                .expectException(NotFound.class)
                .expectNoEvents();
    }

    /** The refusal is the typed violation with its code, not just any exception. */
    static org.hamcrest.Matcher<Object> refusedAs(Class<? extends BenefitRuleViolation> type, String code) {
        return matches(thrown -> type.isInstance(thrown) && ((BenefitRuleViolation) thrown).code().equals(code));
    }

    @Test
    void an_admin_agent_may_not_designate_the_marketing_contact() {
        fixture.given(opened())
                .when(new DesignateMarketingContact(PARTNER, MARKETER, ALTERNATIVE, PHONE, ENGLISH, AGENT, AT))
                .expectException(refusedAs(NotPermitted.class, "not-permitted"))
                .expectNoEvents();
    }

    @Test
    void an_admin_agent_may_not_use_an_active_offer() {
        fixture.given(opened(), granted(), contact(ALTERNATIVE), requested(), activated())
                .when(new UseOffer(PARTNER, KIT, AGENT, "campaign", FULFILLED_AT))
                .expectException(refusedAs(NotPermitted.class, "not-permitted"))
                .expectNoEvents();
    }

    @Test
    void an_active_offer_is_not_activated_again() {
        fixture.given(opened(), granted(), contact(ALTERNATIVE), requested(), activated())
                .when(new ActivateOffer(PARTNER, KIT, MARKETER, FULFILLED_AT))
                .expectException(refusedAs(OfferRefused.class, "offer-active"))
                .expectNoEvents();
    }

    @Test
    void an_expired_offer_is_not_activated_again() {
        fixture.given(opened(), granted(), contact(ALTERNATIVE), requested(), activated())
                .when(new ActivateOffer(PARTNER, KIT, MARKETER, EXPIRES_AT.plusMillis(1)))
                .expectException(refusedAs(OfferRefused.class, "offer-expired"))
                .expectNoEvents();
    }

    @Test
    void a_withdrawn_offer_cannot_be_used() {
        fixture.given(opened(), granted(), contact(ALTERNATIVE), requested(), activated(),
                        new OffersWithdrawn(PARTNER, PACKAGE, List.of(KIT), "package refunded", FULFILLED_AT))
                .when(new UseOffer(PARTNER, KIT, MARKETER, "campaign", FULFILLED_AT))
                .expectException(refusedAs(OfferRefused.class, "offer-withdrawn"))
                .expectNoEvents();
    }

    @Test
    void only_a_pending_offer_is_fulfilled() {
        fixture.given(opened(), granted())
                .when(new ConfirmOfferFulfilment(PARTNER, KIT, "FUL-1", AT))
                .expectException(refusedAs(OfferRefused.class, "offer-not-pending"))
                .expectNoEvents();
    }

    @Test
    void an_active_offer_expires_at_its_expiry_however_late_the_schedule_delivers_it() {
        fixture.given(opened(), granted(), contact(ALTERNATIVE), requested(), activated(),
                        new OfferUsed(PARTNER, KIT, MARKETER, "campaign", EXPIRES_AT))
                .when(new ExpireOffer(PARTNER, KIT, EXPIRES_AT))
                .expectEvents(new OfferExpired(PARTNER, KIT, PACKAGE, EXPIRES_AT));
    }

    @Test
    void an_expiry_delivered_twice_is_recorded_once() {
        fixture.given(opened(), granted(), contact(ALTERNATIVE), requested(), activated(),
                        new OfferExpired(PARTNER, KIT, PACKAGE, EXPIRES_AT))
                .when(new ExpireOffer(PARTNER, KIT, EXPIRES_AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_withdrawn_offer_does_not_expire() {
        fixture.given(opened(), granted(), contact(ALTERNATIVE), requested(), activated(),
                        new OffersWithdrawn(PARTNER, PACKAGE, List.of(KIT), "package refunded", FULFILLED_AT))
                .when(new ExpireOffer(PARTNER, KIT, EXPIRES_AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void an_expired_offer_cannot_be_used() {
        fixture.given(opened(), granted(), contact(ALTERNATIVE), requested(), activated(),
                        new OfferExpired(PARTNER, KIT, PACKAGE, EXPIRES_AT))
                .when(new UseOffer(PARTNER, KIT, MARKETER, "campaign", EXPIRES_AT))
                .expectException(refusedAs(OfferRefused.class, "offer-expired"))
                .expectNoEvents();
    }

    @Test
    void an_expired_offer_is_granted_anew_by_a_later_package() {
        PackageId renewal = new PackageId("silver-2027");
        fixture.given(opened(), granted(), contact(ALTERNATIVE), requested(), activated(),
                        new OfferExpired(PARTNER, KIT, PACKAGE, EXPIRES_AT))
                .when(new GrantOffers(PARTNER, renewal, List.of(KIT_FOR_A_YEAR), EXPIRES_AT.plusSeconds(1)))
                .expectEvents(new OffersGranted(PARTNER, renewal, List.of(KIT_FOR_A_YEAR), EXPIRES_AT.plusSeconds(1)));
    }
}
