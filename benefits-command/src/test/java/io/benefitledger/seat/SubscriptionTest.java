package io.benefitledger.seat;

import io.benefitledger.benefit.AssignmentRefused;
import io.benefitledger.benefit.DrawRefused;
import io.benefitledger.benefit.Phase;
import io.benefitledger.benefit.SubscriptionStatus;
import io.benefitledger.benefit.SubscriptionId;
import io.benefitledger.benefit.BenefitKind;
import io.benefitledger.benefit.Unit;

import io.benefitledger.BenefitRuleViolation;
import io.benefitledger.partner.EmailAddress;
import io.benefitledger.partner.InMemoryDirectory;
import io.benefitledger.partner.NotPermitted;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.Role;
import io.benefitledger.partner.UserId;
import io.benefitledger.pkg.PackageId;
import io.benefitledger.pkg.TechnicalAllocation;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.matches;

class SubscriptionTest {

    static final SubscriptionId SEAT = new SubscriptionId("pkg-1:vs:1");
    static final SubscriptionId AZURE = new SubscriptionId("pkg-1:azure");
    static final SubscriptionId HOURS = new SubscriptionId("pkg-1:advisory");
    static final SubscriptionId INCIDENTS = new SubscriptionId("pkg-1:support");
    static final PackageId PACKAGE = new PackageId("pkg-1");
    static final PartnerId PARTNER = new PartnerId("contoso");
    static final UserId ADMIN = new UserId("alice");
    static final UserId AGENT = new UserId("bob");
    static final UserId DEVELOPER = new UserId("dave");
    static final EmailAddress COMPANY = new EmailAddress("admin@contoso.example");
    static final EmailAddress ALTERNATIVE = new EmailAddress("dave.alt@contoso.example");
    static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");

    FixtureConfiguration<Subscription> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Subscription.class);
        fixture.registerInjectableResource(new InMemoryDirectory(PARTNER, COMPANY)
                .with(ADMIN, Role.GLOBAL_ADMIN).with(AGENT, Role.ADMIN_AGENT).with(DEVELOPER, Role.ADMIN_AGENT));
    }

    static SubscriptionOpened seat() {
        return new SubscriptionOpened(SEAT, PACKAGE, PARTNER, BenefitKind.VISUAL_STUDIO, "Visual Studio Enterprise", 1, null, AT);
    }

    static SubscriptionOpened hours(int quantity) {
        return new SubscriptionOpened(HOURS, PACKAGE, PARTNER, BenefitKind.TECHNICAL, "Partner advisory hours",
                quantity, Unit.HOUR, AT);
    }

    static UserAssigned seatAssigned(UserId user) {
        return new UserAssigned(SEAT, PARTNER, user, null, SubscriptionStatus.ACTIVE, ADMIN, AT);
    }

    static UserAssigned hoursAssigned() {
        return new UserAssigned(HOURS, PARTNER, DEVELOPER, ALTERNATIVE, SubscriptionStatus.PENDING, ADMIN, AT);
    }

    static ActivationFulfilled hoursFulfilled() {
        return new ActivationFulfilled(HOURS, PARTNER, "FUL-1", AT);
    }

    @Test
    void a_global_admin_assigns_a_seat_to_a_user_of_the_directory_and_it_is_active() {
        fixture.given(seat())
                .when(new AssignUser(SEAT, PARTNER, DEVELOPER, null, ADMIN, AT))
                .expectEvents(seatAssigned(DEVELOPER));
    }

    @Test
    void only_a_global_admin_assigns_benefits() {
        fixture.given(seat())
                .when(new AssignUser(SEAT, PARTNER, DEVELOPER, null, AGENT, AT))
                .expectException(refusedAs(NotPermitted.class, "not-permitted"))
                .expectNoEvents();
    }

    @Test
    void a_user_outside_the_directory_cannot_be_assigned() {
        fixture.given(seat())
                .when(new AssignUser(SEAT, PARTNER, new UserId("stranger"), null, ADMIN, AT))
                .expectException(refusedAs(AssignmentRefused.class, "user-not-in-directory"))
                .expectExceptionMessage("user stranger is not in the partner's directory")
                .expectNoEvents();
    }

    @Test
    void a_taken_seat_cannot_be_assigned_again() {
        fixture.given(seat(), seatAssigned(DEVELOPER))
                .when(new AssignUser(SEAT, PARTNER, AGENT, null, ADMIN, AT))
                .expectException(AssignmentRefused.class)
                .expectNoEvents();
    }

    @Test
    void a_seat_is_reassigned_by_removing_the_user_and_assigning_another_two_facts() {
        fixture.given(seat(), seatAssigned(DEVELOPER))
                .andGivenCommands(new RemoveAssignment(SEAT, PARTNER, ADMIN, AT))
                .when(new AssignUser(SEAT, PARTNER, AGENT, null, ADMIN, AT))
                .expectEvents(seatAssigned(AGENT));
    }

    @Test
    void removing_from_a_free_seat_is_refused() {
        fixture.given(seat())
                .when(new RemoveAssignment(SEAT, PARTNER, ADMIN, AT))
                .expectException(AssignmentRefused.class)
                .expectNoEvents();
    }

    @Test
    void a_usage_based_azure_subscription_is_activated_by_assigning_yourself() {
        fixture.given(new SubscriptionOpened(AZURE, PACKAGE, PARTNER, BenefitKind.AZURE_USAGE, "Azure credits", 1, null, AT))
                .when(new AssignUser(AZURE, PARTNER, ADMIN, null, ADMIN, AT))
                .expectEvents(new UserAssigned(AZURE, PARTNER, ADMIN, null, SubscriptionStatus.ACTIVE, ADMIN, AT));
    }

    @Test
    void a_usage_based_azure_subscription_cannot_be_assigned_to_someone_else() {
        fixture.given(new SubscriptionOpened(AZURE, PACKAGE, PARTNER, BenefitKind.AZURE_USAGE, "Azure credits", 1, null, AT))
                .when(new AssignUser(AZURE, PARTNER, DEVELOPER, null, ADMIN, AT))
                .expectException(AssignmentRefused.class)
                .expectNoEvents();
    }

    @Test
    void a_technical_benefit_with_an_alternative_email_is_pending_until_fulfilled() {
        fixture.given(hours(10))
                .when(new AssignUser(HOURS, PARTNER, DEVELOPER, ALTERNATIVE, ADMIN, AT))
                .expectEvents(hoursAssigned());
    }

    @Test
    void a_technical_benefit_needs_an_alternative_email() {
        fixture.given(hours(10))
                .when(new AssignUser(HOURS, PARTNER, DEVELOPER, null, ADMIN, AT))
                .expectException(AssignmentRefused.class)
                .expectNoEvents();
    }

    @Test
    void the_company_account_email_in_other_letter_case_is_not_an_alternative() {
        fixture.given(hours(10))
                .when(new AssignUser(HOURS, PARTNER, DEVELOPER, new EmailAddress("ADMIN@Contoso.Example"), ADMIN, AT))
                .expectException(AssignmentRefused.class)
                .expectExceptionMessage("the alternative e-mail address must differ from the company account e-mail")
                .expectNoEvents();
    }

    @Test
    void fulfilment_makes_a_pending_technical_benefit_active() {
        fixture.given(hours(10), hoursAssigned())
                .when(new ConfirmFulfilment(HOURS, PARTNER, "FUL-1", AT))
                .expectEvents(hoursFulfilled());
    }

    @Test
    void fulfilment_of_a_benefit_that_is_not_pending_is_refused() {
        fixture.given(hours(10))
                .when(new ConfirmFulfilment(HOURS, PARTNER, "FUL-1", AT))
                .expectException(refusedAs(NotPending.class, "not-pending"))
                .expectNoEvents();
    }

    @Test
    void hours_cannot_be_drawn_while_the_activation_is_pending() {
        fixture.given(hours(10), hoursAssigned())
                .when(new DrawBenefit(HOURS, PARTNER, Phase.DESIGN, "architecture review", 2, DEVELOPER, AT))
                .expectException(refusedAs(DrawRefused.class, "benefit-not-active"))
                .expectNoEvents();
    }

    @Test
    void the_last_hours_can_be_drawn() {
        fixture.given(hours(10), hoursAssigned(), hoursFulfilled())
                .when(new DrawBenefit(HOURS, PARTNER, Phase.DESIGN, "architecture review", 10, DEVELOPER, AT))
                .expectEvents(new BenefitDrawn(HOURS, PARTNER, Phase.DESIGN, "architecture review", 10, 0, DEVELOPER, AT));
    }

    @Test
    void one_hour_more_than_is_left_is_refused() {
        fixture.given(hours(10), hoursAssigned(), hoursFulfilled(),
                        new BenefitDrawn(HOURS, PARTNER, Phase.PRESALES, "demo", 9, 1, DEVELOPER, AT))
                .when(new DrawBenefit(HOURS, PARTNER, Phase.DEPLOYMENT, "rollout", 2, DEVELOPER, AT))
                .expectException(DrawRefused.class)
                .expectExceptionMessage("technical benefit pkg-1:advisory has 1 left; 2 were asked")
                .expectNoEvents();
    }

    @Test
    void hours_are_drawn_for_a_phase() {
        fixture.given(hours(10), hoursAssigned(), hoursFulfilled())
                .when(new DrawBenefit(HOURS, PARTNER, null, "rollout", 2, DEVELOPER, AT))
                .expectException(DrawRefused.class)
                .expectNoEvents();
    }

    @Test
    void support_incidents_are_drawn_one_at_a_time() {
        fixture.given(new SubscriptionOpened(INCIDENTS, PACKAGE, PARTNER, BenefitKind.TECHNICAL, "Support incidents",
                                5, Unit.INCIDENT, AT),
                        new UserAssigned(INCIDENTS, PARTNER, DEVELOPER, ALTERNATIVE, SubscriptionStatus.PENDING, ADMIN, AT),
                        new ActivationFulfilled(INCIDENTS, PARTNER, "FUL-2", AT))
                .when(new DrawBenefit(INCIDENTS, PARTNER, null, "outage", 2, DEVELOPER, AT))
                .expectException(DrawRefused.class)
                .expectNoEvents();
    }

    @Test
    void a_user_who_is_neither_the_assignee_nor_a_global_admin_cannot_draw() {
        fixture.given(hours(10), hoursAssigned(), hoursFulfilled())
                .when(new DrawBenefit(HOURS, PARTNER, Phase.DESIGN, "review", 1, AGENT, AT))
                .expectException(DrawRefused.class)
                .expectNoEvents();
    }

    @Test
    void seats_are_not_drawn() {
        fixture.given(seat(), seatAssigned(DEVELOPER))
                .when(new DrawBenefit(SEAT, PARTNER, Phase.DESIGN, "review", 1, ADMIN, AT))
                .expectException(DrawRefused.class)
                .expectNoEvents();
    }

    @Test
    void revocation_ends_the_assignment() {
        fixture.given(seat(), seatAssigned(DEVELOPER))
                .when(new RevokeSubscription(SEAT, PARTNER, "package cancelled with a refund", AT))
                .expectEvents(new SubscriptionRevoked(SEAT, PARTNER, DEVELOPER, "package cancelled with a refund", AT));
    }

    @Test
    void revoking_twice_records_one_revocation() {
        fixture.given(seat(), new SubscriptionRevoked(SEAT, PARTNER, null, "refund", AT))
                .when(new RevokeSubscription(SEAT, PARTNER, "refund", AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void nothing_can_be_done_with_a_revoked_subscription() {
        fixture.given(hours(10), hoursAssigned(), new SubscriptionRevoked(HOURS, PARTNER, DEVELOPER, "refund", AT))
                .when(new ConfirmFulfilment(HOURS, PARTNER, "FUL-1", AT))
                .expectException(refusedAs(SubscriptionClosed.class, "subscription-revoked"))
                .expectNoEvents();
    }

    @Test
    void another_partner_naming_the_same_subscription_id_names_one_of_its_own_which_does_not_exist() {
        AssignUser byFabrikam = new AssignUser(SEAT, new PartnerId("fabrikam"), DEVELOPER, null, ADMIN, AT);
        assertThat(byFabrikam.target()).hasToString("fabrikam/" + SEAT.value());
        fixture.givenNoPriorActivity()
                .when(byFabrikam)
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    static SubscriptionRevoked seatRevoked() {
        return new SubscriptionRevoked(SEAT, PARTNER, null, "package refunded", AT);
    }

    /** The refusal is the typed violation with its code, not just any exception. */
    static org.hamcrest.Matcher<Object> refusedAs(Class<? extends BenefitRuleViolation> type, String code) {
        return matches(thrown -> type.isInstance(thrown) && ((BenefitRuleViolation) thrown).code().equals(code));
    }

    @Test
    void a_revoked_seat_cannot_be_assigned() {
        fixture.given(seat(), seatRevoked())
                .when(new AssignUser(SEAT, PARTNER, DEVELOPER, null, ADMIN, AT))
                .expectException(refusedAs(SubscriptionClosed.class, "subscription-revoked"))
                .expectNoEvents();
    }

    @Test
    void nobody_is_removed_from_a_revoked_seat() {
        fixture.given(seat(), seatAssigned(DEVELOPER), seatRevoked())
                .when(new RemoveAssignment(SEAT, PARTNER, ADMIN, AT))
                .expectException(refusedAs(SubscriptionClosed.class, "subscription-revoked"))
                .expectNoEvents();
    }

    @Test
    void only_a_global_admin_removes_an_assigned_user() {
        fixture.given(seat(), seatAssigned(DEVELOPER))
                .when(new RemoveAssignment(SEAT, PARTNER, AGENT, AT))
                .expectException(refusedAs(NotPermitted.class, "not-permitted"))
                .expectNoEvents();
    }

    @Test
    void nothing_is_drawn_from_revoked_hours() {
        fixture.given(hours(10), hoursAssigned(), hoursFulfilled(),
                        new SubscriptionRevoked(HOURS, PARTNER, DEVELOPER, "package refunded", AT))
                .when(new DrawBenefit(HOURS, PARTNER, Phase.DESIGN, "review", 1, ADMIN, AT))
                .expectException(refusedAs(SubscriptionClosed.class, "subscription-revoked"))
                .expectNoEvents();
    }

    @Test
    void an_assignment_stamped_before_the_seats_last_change_is_recorded_at_that_change() {
        Instant later = AT.plusSeconds(60);
        fixture.given(seat(), new AssignmentRemoved(SEAT, PARTNER, DEVELOPER, ADMIN, later))
                .when(new AssignUser(SEAT, PARTNER, AGENT, null, ADMIN, AT))
                .expectEvents(new UserAssigned(SEAT, PARTNER, AGENT, null, SubscriptionStatus.ACTIVE, ADMIN, later));
    }

    static SubscriptionOpened incidents() {
        return new SubscriptionOpened(INCIDENTS, PACKAGE, PARTNER, BenefitKind.TECHNICAL, "Support incidents",
                5, Unit.INCIDENT, AT);
    }

    static Object[] activeIncidents() {
        return new Object[]{incidents(),
                new UserAssigned(INCIDENTS, PARTNER, DEVELOPER, ALTERNATIVE, SubscriptionStatus.PENDING, ADMIN, AT),
                new ActivationFulfilled(INCIDENTS, PARTNER, "FUL-2", AT)};
    }

    @Test
    void someone_outside_the_partners_directory_cannot_draw() {
        fixture.given(hours(10), hoursAssigned(), hoursFulfilled())
                .when(new DrawBenefit(HOURS, PARTNER, Phase.DESIGN, "review", 1, new UserId("mallory"), AT))
                .expectException(refusedAs(NotPermitted.class, "not-permitted"))
                .expectNoEvents();
    }

    @Test
    void a_support_incident_is_drawn_one_at_a_time_without_a_phase() {
        fixture.given(activeIncidents())
                .when(new DrawBenefit(INCIDENTS, PARTNER, null, "outage", 1, DEVELOPER, AT))
                .expectEvents(new BenefitDrawn(INCIDENTS, PARTNER, null, "outage", 1, 4, DEVELOPER, AT));
    }

    @Test
    void a_support_incident_drawn_for_a_phase_is_refused() {
        fixture.given(activeIncidents())
                .when(new DrawBenefit(INCIDENTS, PARTNER, Phase.DESIGN, "outage", 1, DEVELOPER, AT))
                .expectException(refusedAs(DrawRefused.class, "one-incident-at-a-time"))
                .expectNoEvents();
    }

    @Test
    void opening_a_subscription_targets_the_partners_own_subscription() {
        assertThat(new OpenSubscription(SEAT, PACKAGE, PARTNER, BenefitKind.VISUAL_STUDIO, "Visual Studio Enterprise",
                1, null, AT).target()).hasToString("contoso/" + SEAT.value());
    }

    @Test
    void an_expiry_ends_the_assignment_at_the_packages_instant() {
        Instant graceEnds = AT.plus(java.time.Duration.ofDays(395));
        fixture.given(seat(), seatAssigned(DEVELOPER))
                .when(new ExpireSubscription(SEAT, PARTNER, graceEnds))
                .expectEvents(new BenefitExpired(SEAT, PARTNER, DEVELOPER, graceEnds));
    }

    @Test
    void an_expired_seat_is_not_assigned_again() {
        fixture.given(seat(), new BenefitExpired(SEAT, PARTNER, null, AT.plusSeconds(60)))
                .when(new AssignUser(SEAT, PARTNER, DEVELOPER, null, ADMIN, AT.plusSeconds(120)))
                .expectException(refusedAs(SubscriptionExpired.class, "subscription-expired"))
                .expectNoEvents();
    }

    @Test
    void an_expiry_delivered_twice_is_recorded_once_and_a_revoked_benefit_does_not_expire() {
        fixture.given(seat(), new BenefitExpired(SEAT, PARTNER, null, AT.plusSeconds(60)))
                .when(new ExpireSubscription(SEAT, PARTNER, AT.plusSeconds(60)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(seat(), seatRevoked())
                .when(new ExpireSubscription(SEAT, PARTNER, AT.plusSeconds(60)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
