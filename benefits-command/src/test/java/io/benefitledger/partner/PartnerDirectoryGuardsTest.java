package io.benefitledger.partner;

import io.benefitledger.BenefitRuleViolation;
import io.benefitledger.NotFound;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static io.benefitledger.partner.PartnerTest.ALICE;
import static io.benefitledger.partner.PartnerTest.AT;
import static io.benefitledger.partner.PartnerTest.BOB;
import static io.benefitledger.partner.PartnerTest.CAROL;
import static io.benefitledger.partner.PartnerTest.CONTOSO;
import static io.benefitledger.partner.PartnerTest.added;
import static io.benefitledger.partner.PartnerTest.registered;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.axonframework.test.matchers.Matchers.matches;

/**
 * Every guard of the directory's commands, each refused as the typed violation with its code, the order of its
 * instants, and what its commands refuse before they are made (issue #20: no guard can be dropped unnoticed).
 * ChangeQualifications has no guard here: only the program operator's role sends it, which the service checks.
 */
class PartnerDirectoryGuardsTest {

    FixtureConfiguration<Partner> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Partner.class);
    }

    static org.hamcrest.Matcher<Object> refusedAs(Class<? extends BenefitRuleViolation> type, String code) {
        return matches(thrown -> type.isInstance(thrown) && ((BenefitRuleViolation) thrown).code().equals(code));
    }

    @Test
    void an_admin_agent_may_not_remove_users() {
        fixture.given(registered(), added(ALICE, Role.GLOBAL_ADMIN), added(BOB, Role.ADMIN_AGENT), added(CAROL, Role.ADMIN_AGENT))
                .when(new RemoveUser(CONTOSO, CAROL, BOB, AT))
                .expectException(refusedAs(NotPermitted.class, "not-permitted"))
                .expectNoEvents();
    }

    @Test
    void an_admin_agent_may_not_change_anyones_roles_even_below_global_admin() {
        fixture.given(registered(), added(ALICE, Role.GLOBAL_ADMIN), added(BOB, Role.ADMIN_AGENT), added(CAROL, Role.ADMIN_AGENT))
                .when(new ChangeUserRoles(CONTOSO, CAROL, Set.of(Role.MPN_PARTNER_ADMIN), BOB, AT))
                .expectException(refusedAs(NotPermitted.class, "not-permitted"))
                .expectExceptionMessage("user bob may not manage the user directory")
                .expectNoEvents();
    }

    @Test
    void someone_outside_the_directory_may_not_change_roles() {
        fixture.given(registered(), added(ALICE, Role.GLOBAL_ADMIN), added(CAROL, Role.ADMIN_AGENT))
                .when(new ChangeUserRoles(CONTOSO, CAROL, Set.of(Role.USER_ADMIN), new UserId("mallory"), AT))
                .expectException(refusedAs(NotPermitted.class, "not-permitted"))
                .expectNoEvents();
    }

    @Test
    void the_roles_of_a_user_not_in_the_directory_are_not_found() {
        fixture.given(registered(), added(ALICE, Role.GLOBAL_ADMIN))
                .when(new ChangeUserRoles(CONTOSO, CAROL, Set.of(Role.USER_ADMIN), ALICE, AT))
                .expectException(NotFound.class)
                .expectNoEvents();
    }

    @Test
    void changing_ones_own_roles_is_refused_as_own_roles() {
        fixture.given(registered(), added(ALICE, Role.GLOBAL_ADMIN), added(BOB, Role.USER_ADMIN))
                .when(new ChangeUserRoles(CONTOSO, BOB, Set.of(Role.USER_ADMIN, Role.ADMIN_AGENT), BOB, AT))
                .expectException(refusedAs(OwnRoles.class, "own-roles"))
                .expectNoEvents();
    }

    @Test
    void a_user_admin_may_not_grant_global_admin_to_anyone() {
        fixture.given(registered(), added(ALICE, Role.GLOBAL_ADMIN), added(BOB, Role.USER_ADMIN), added(CAROL, Role.ADMIN_AGENT))
                .when(new ChangeUserRoles(CONTOSO, CAROL, Set.of(Role.GLOBAL_ADMIN, Role.ADMIN_AGENT), BOB, AT))
                .expectException(refusedAs(NotPermitted.class, "not-permitted"))
                .expectExceptionMessage("user bob may not grant or remove the Global admin role; only a Global admin may")
                .expectNoEvents();
    }

    @Test
    void the_last_global_admin_leaving_is_refused_as_such() {
        fixture.given(registered(), added(ALICE, Role.GLOBAL_ADMIN), added(BOB, Role.USER_ADMIN))
                .when(new RemoveUser(CONTOSO, ALICE, ALICE, AT))
                .expectException(refusedAs(LastGlobalAdmin.class, "last-global-admin"))
                .expectNoEvents();
    }

    @Test
    void a_user_already_in_the_directory_is_refused_as_such() {
        fixture.given(registered(), added(ALICE, Role.GLOBAL_ADMIN), added(BOB, Role.ADMIN_AGENT))
                .when(new AddUser(CONTOSO, BOB, "bob", new EmailAddress("bob@contoso.example"), Set.of(), ALICE, AT))
                .expectException(refusedAs(UserAlreadyInDirectory.class, "user-already-in-directory"))
                .expectNoEvents();
    }

    @Test
    void a_change_stamped_before_the_partners_last_change_is_recorded_at_that_change() {
        Instant later = AT.plusSeconds(60);
        fixture.given(registered(), added(ALICE, Role.GLOBAL_ADMIN),
                        new UserAdded(CONTOSO, CAROL, "carol", new EmailAddress("carol@contoso.example"), Set.of(), ALICE, later))
                .when(new ChangeUserRoles(CONTOSO, CAROL, Set.of(Role.ADMIN_AGENT), ALICE, AT))
                .expectEvents(new UserRolesChanged(CONTOSO, CAROL, Set.of(Role.ADMIN_AGENT), ALICE, later));
    }

    @Test
    void a_change_stamped_after_the_partners_last_change_is_recorded_at_its_own_instant() {
        Instant later = AT.plusSeconds(60);
        fixture.given(registered(), added(ALICE, Role.GLOBAL_ADMIN), added(CAROL))
                .when(new RemoveUser(CONTOSO, CAROL, ALICE, later))
                .expectEvents(new UserRemoved(CONTOSO, CAROL, ALICE, later));
    }

    @Test
    void a_display_name_may_be_as_long_as_its_limit_and_no_longer() {
        EmailAddress email = new EmailAddress("carol@contoso.example");
        assertThatNoException().isThrownBy(() -> new AddUser(CONTOSO, CAROL, "c".repeat(255), email, Set.of(), ALICE, AT));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AddUser(CONTOSO, CAROL, "c".repeat(256), email, Set.of(), ALICE, AT))
                .withMessage("display name must be at most 255 characters");
    }

    @Test
    void a_blank_qualification_is_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RegisterPartner(CONTOSO, "Contoso Ltd",
                PartnerTest.COMPANY, Set.of("Silver Core", " "), ALICE, "alice", new EmailAddress("alice@contoso.example"), AT));
    }
}
