package io.benefitledger.lifecycle;

import io.benefitledger.benefit.BenefitKind;
import io.benefitledger.benefit.OfferId;
import io.benefitledger.benefit.SubscriptionId;
import io.benefitledger.benefit.Unit;
import io.benefitledger.catalogue.OfferingContents;
import io.benefitledger.catalogue.OfferingHistory;
import io.benefitledger.catalogue.OfferingPublished;
import io.benefitledger.catalogue.Offerings;
import io.benefitledger.offer.GrantOffers;
import io.benefitledger.offer.OfferCatalogue;
import io.benefitledger.offer.OfferGrant;
import io.benefitledger.offer.WithdrawOffers;
import io.benefitledger.partner.EmailAddress;
import io.benefitledger.partner.InMemoryDirectory;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import io.benefitledger.pkg.Allocations;
import io.benefitledger.pkg.BenefitCancelled;
import io.benefitledger.pkg.ExpireRenewedPackage;
import io.benefitledger.pkg.MembershipTerms;
import io.benefitledger.pkg.MembershipYear;
import io.benefitledger.pkg.OfferingId;
import io.benefitledger.pkg.PackageBenefitsExpired;
import io.benefitledger.pkg.PackageId;
import io.benefitledger.pkg.PackagePurchased;
import io.benefitledger.pkg.RecordRenewal;
import io.benefitledger.pkg.SeatAllocation;
import io.benefitledger.pkg.TechnicalAllocation;
import io.benefitledger.pkg.UsageSubscriptionAllocation;
import io.benefitledger.seat.ExpireSubscription;
import io.benefitledger.seat.OpenSubscription;
import io.benefitledger.seat.RevokeSubscription;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What a purchase opens and grants, sent over a real command bus whose handlers record what they receive. */
class PackageBenefitsTest {

    static final PartnerId PARTNER = new PartnerId("contoso");
    static final PackageId PACKAGE = new PackageId("pkg-1");
    static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");
    static final OfferGrant SILVER_KIT = new OfferGrant(new OfferId("silver-kit"), "Silver marketing kit", Duration.ofDays(365));
    static final OfferGrant GOLD_KIT = new OfferGrant(new OfferId("gold-kit"), "Gold marketing kit", Duration.ofDays(180));
    static final OfferingId OFFERING = new OfferingId("silver-core");
    static final Allocations ALLOCATIONS = new Allocations(List.of(), List.of(),
            List.of(new UsageSubscriptionAllocation("azure", "Azure credits")),
            List.of(new SeatAllocation("vs", "Visual Studio Enterprise", 2)),
            List.of(new TechnicalAllocation("support", "Support incidents", 5, Unit.INCIDENT)));

    final List<Object> sent = new ArrayList<>();

    /** Version 1 of the offering grants the Silver kit to Silver Core partners; version 2 the Gold kit instead. */
    static final Offerings CATALOGUE = new Offerings() {
        final OfferingHistory history = OfferingHistory.of(OFFERING)
                .with(published(1, SILVER_KIT))
                .with(published(2, GOLD_KIT));

        @Override
        public Optional<OfferingHistory> find(OfferingId offering) {
            return offering.equals(OFFERING) ? Optional.of(history) : Optional.empty();
        }

        @Override
        public List<OfferingHistory> all() {
            return List.of(history);
        }
    };

    static OfferingPublished published(int version, OfferGrant grant) {
        return new OfferingPublished(OFFERING, version, new OfferingContents("Silver core benefits", ALLOCATIONS,
                new OfferCatalogue(List.of(new OfferCatalogue.Entry(grant, Set.of("Silver Core")))), null),
                new UserId("operator"), AT);
    }

    PackageBenefits benefitsFor(Set<String> qualifications) {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        for (Class<?> command : List.of(OpenSubscription.class, GrantOffers.class, WithdrawOffers.class,
                RevokeSubscription.class, RecordRenewal.class, ExpireSubscription.class, ExpireRenewedPackage.class)) {
            bus.subscribe(command.getName(), message -> sent.add(message.getPayload()));
        }
        InMemoryDirectory directory = new InMemoryDirectory(PARTNER, new EmailAddress("admin@contoso.example")) {
            @Override
            public Set<String> qualifications(PartnerId partner) {
                return qualifications;
            }
        };
        return new PackageBenefits(DefaultCommandGateway.builder().commandBus(bus).build(), directory, CATALOGUE);
    }

    static PackagePurchased purchased() {
        return purchasedVersion(1);
    }

    static PackagePurchased purchasedVersion(int version) {
        return new PackagePurchased(PACKAGE, PARTNER, "Silver core benefits", ALLOCATIONS, new UserId("alice"), AT,
                null, null, OFFERING, version);
    }

    @Test
    void a_purchase_opens_a_subscription_of_its_kind_for_every_assignable_benefit_and_grants_the_partners_offers() {
        benefitsFor(Set.of("Silver Core")).on(purchased());

        assertThat(sent).containsExactly(
                new OpenSubscription(new SubscriptionId("pkg-1:azure"), PACKAGE, PARTNER, BenefitKind.AZURE_USAGE,
                        "Azure credits", 1, Unit.SUBSCRIPTION, AT),
                new OpenSubscription(new SubscriptionId("pkg-1:vs:1"), PACKAGE, PARTNER, BenefitKind.VISUAL_STUDIO,
                        "Visual Studio Enterprise", 1, Unit.SEAT, AT),
                new OpenSubscription(new SubscriptionId("pkg-1:vs:2"), PACKAGE, PARTNER, BenefitKind.VISUAL_STUDIO,
                        "Visual Studio Enterprise", 1, Unit.SEAT, AT),
                new OpenSubscription(new SubscriptionId("pkg-1:support"), PACKAGE, PARTNER, BenefitKind.TECHNICAL,
                        "Support incidents", 5, Unit.INCIDENT, AT),
                new GrantOffers(PARTNER, PACKAGE, List.of(SILVER_KIT), AT));
    }

    @Test
    void the_offers_granted_are_those_of_the_version_bought() {
        benefitsFor(Set.of("Silver Core")).on(purchasedVersion(2));

        assertThat(sent).contains(new GrantOffers(PARTNER, PACKAGE, List.of(GOLD_KIT), AT))
                .doesNotContain(new GrantOffers(PARTNER, PACKAGE, List.of(SILVER_KIT), AT));
    }

    @Test
    void a_partner_whose_qualifications_entitle_it_to_no_offer_is_granted_none() {
        benefitsFor(Set.of("Bronze")).on(purchased());

        assertThat(sent).hasSize(4).allMatch(OpenSubscription.class::isInstance);
    }

    @Test
    void a_benefit_cancelled_with_a_refund_on_its_own_is_revoked_alone() {
        SubscriptionId seat = new SubscriptionId("pkg-1:vs:2");
        benefitsFor(Set.of("Silver Core")).on(new BenefitCancelled(PACKAGE, PARTNER, seat, "SR-7", null,
                new UserId("alice"), AT));

        assertThat(sent).containsExactly(new RevokeSubscription(seat, PARTNER, PackageBenefits.BENEFIT_REFUNDED, AT));
    }

    @Test
    void a_renewal_is_recorded_on_the_package_whose_year_it_continues() {
        PackageId earlier = new PackageId("pkg-0");
        MembershipYear year = new MembershipTerms(Duration.ofDays(30), Duration.ofDays(30)).yearFrom(AT);
        benefitsFor(Set.of()).on(new PackagePurchased(PACKAGE, PARTNER, "Action Pack", Allocations.software(List.of()),
                new UserId("alice"), AT, year, earlier));
        benefitsFor(Set.of()).on(new PackagePurchased(new PackageId("pkg-2"), PARTNER, "Action Pack",
                Allocations.software(List.of()), new UserId("alice"), AT, year, null));

        assertThat(sent).containsExactly(new RecordRenewal(earlier, PARTNER, PACKAGE, AT));
    }

    @Test
    void an_expired_package_expires_its_subscriptions_and_the_package_it_renewed() {
        PackageId earlier = new PackageId("pkg-0");
        benefitsFor(Set.of()).on(new PackageBenefitsExpired(PACKAGE, PARTNER, List.of("pkg-1:vs:1", "pkg-1:azure"),
                earlier, AT));

        assertThat(sent).containsExactly(
                new ExpireSubscription(new SubscriptionId("pkg-1:vs:1"), PARTNER, AT),
                new ExpireSubscription(new SubscriptionId("pkg-1:azure"), PARTNER, AT),
                new ExpireRenewedPackage(earlier, PARTNER, AT));
    }
}
