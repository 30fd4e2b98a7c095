package io.benefitledger.partner;

import io.benefitledger.NotFound;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

class PartnerTest {

    static final PartnerId CONTOSO = new PartnerId("contoso");
    static final UserId ALICE = new UserId("alice");
    static final UserId BOB = new UserId("bob");
    static final UserId CAROL = new UserId("carol");
    static final UserId OPERATOR = new UserId("operator");
    static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");
    static final EmailAddress COMPANY = new EmailAddress("admin@contoso.example");

    FixtureConfiguration<Partner> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Partner.class);
    }

    static PartnerRegistered registered() {
        return new PartnerRegistered(CONTOSO, "Contoso Ltd", COMPANY, Set.of("Silver Core"), AT);
    }

    static UserAdded added(UserId user, Role... roles) {
        return new UserAdded(CONTOSO, user, user.value(), new EmailAddress(user.value() + "@contoso.example"),
                Set.of(roles), ALICE, AT);
    }

    @Test
    void registering_a_partner_makes_its_first_user_a_global_admin() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPartner(CONTOSO, "Contoso Ltd", COMPANY, Set.of("Silver Core"), ALICE, "alice",
                        new EmailAddress("alice@contoso.example"), AT))
                .expectEvents(registered(), added(ALICE, Role.GLOBAL_ADMIN));
    }

    @Test
    void a_user_admin_may_add_users() {
        fixture.given(registered(), added(ALICE, Role.GLOBAL_ADMIN), added(BOB, Role.USER_ADMIN))
                .when(new AddUser(CONTOSO, CAROL, "carol", new EmailAddress("carol@contoso.example"),
                        Set.of(Role.ADMIN_AGENT), BOB, AT))
                .expectEvents(new UserAdded(CONTOSO, CAROL, "carol", new EmailAddress("carol@contoso.example"),
                        Set.of(Role.ADMIN_AGENT), BOB, AT));
    }

    @Test
    void an_admin_agent_may_not_add_users() {
        fixture.given(registered(), added(ALICE, Role.GLOBAL_ADMIN), added(BOB, Role.ADMIN_AGENT))
                .when(new AddUser(CONTOSO, CAROL, "carol", new EmailAddress("carol@contoso.example"),
                        Set.of(Role.ADMIN_AGENT), BOB, AT))
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }

    @Test
    void someone_outside_the_directory_may_not_add_users() {
        fixture.given(registered(), added(ALICE, Role.GLOBAL_ADMIN))
                .when(new AddUser(CONTOSO, CAROL, "carol", new EmailAddress("carol@contoso.example"),
                        Set.of(Role.ADMIN_AGENT), new UserId("mallory"), AT))
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }

    @Test
    void a_user_already_in_the_directory_is_not_added_twice() {
        fixture.given(registered(), added(ALICE, Role.GLOBAL_ADMIN), added(BOB, Role.ADMIN_AGENT))
                .when(new AddUser(CONTOSO, BOB, "bob", new EmailAddress("bob@contoso.example"),
                        Set.of(Role.USER_ADMIN), ALICE, AT))
                .expectException(UserAlreadyInDirectory.class)
                .expectNoEvents();
    }

    @Test
    void a_user_without_any_admin_role_may_be_added_to_receive_benefits() {
        fixture.given(registered(), added(ALICE, Role.GLOBAL_ADMIN))
                .when(new AddUser(CONTOSO, CAROL, "carol", new EmailAddress("carol@contoso.example"), Set.of(), ALICE, AT))
                .expectEvents(new UserAdded(CONTOSO, CAROL, "carol", new EmailAddress("carol@contoso.example"), Set.of(),
                        ALICE, AT));
    }

    @Test
    void a_user_admin_may_not_add_a_global_admin() {
        fixture.given(registered(), added(ALICE, Role.GLOBAL_ADMIN), added(BOB, Role.USER_ADMIN))
                .when(new AddUser(CONTOSO, CAROL, "carol", new EmailAddress("carol@contoso.example"),
                        Set.of(Role.GLOBAL_ADMIN), BOB, AT))
                .expectException(NotPermitted.class)
                .expectExceptionMessage("user bob may not grant or remove the Global admin role; only a Global admin may")
                .expectNoEvents();
    }

    @Test
    void a_global_admin_may_add_another_global_admin() {
        fixture.given(registered(), added(ALICE, Role.GLOBAL_ADMIN))
                .when(new AddUser(CONTOSO, CAROL, "carol", new EmailAddress("carol@contoso.example"),
                        Set.of(Role.GLOBAL_ADMIN), ALICE, AT))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_user_admin_may_not_promote_anyone_to_global_admin() {
        fixture.given(registered(), added(ALICE, Role.GLOBAL_ADMIN), added(BOB, Role.USER_ADMIN), added(CAROL, Role.ADMIN_AGENT))
                .when(new ChangeUserRoles(CONTOSO, CAROL, Set.of(Role.GLOBAL_ADMIN), BOB, AT))
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }

    @Test
    void a_user_admin_may_not_demote_a_global_admin() {
        fixture.given(registered(), added(ALICE, Role.GLOBAL_ADMIN), added(BOB, Role.USER_ADMIN), added(CAROL, Role.GLOBAL_ADMIN))
                .when(new ChangeUserRoles(CONTOSO, CAROL, Set.of(Role.USER_ADMIN), BOB, AT))
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }

    @Test
    void a_user_admin_may_change_roles_other_than_global_admin() {
        fixture.given(registered(), added(ALICE, Role.GLOBAL_ADMIN), added(BOB, Role.USER_ADMIN), added(CAROL, Role.ADMIN_AGENT))
                .when(new ChangeUserRoles(CONTOSO, CAROL, Set.of(Role.MPN_PARTNER_ADMIN), BOB, AT))
                .expectEvents(new UserRolesChanged(CONTOSO, CAROL, Set.of(Role.MPN_PARTNER_ADMIN), BOB, AT));
    }

    @Test
    void a_global_admin_may_promote_a_user_to_global_admin() {
        fixture.given(registered(), added(ALICE, Role.GLOBAL_ADMIN), added(BOB, Role.USER_ADMIN))
                .when(new ChangeUserRoles(CONTOSO, BOB, Set.of(Role.GLOBAL_ADMIN), ALICE, AT))
                .expectEvents(new UserRolesChanged(CONTOSO, BOB, Set.of(Role.GLOBAL_ADMIN), ALICE, AT));
    }

    @Test
    void a_global_admin_may_demote_another_global_admin() {
        fixture.given(registered(), added(ALICE, Role.GLOBAL_ADMIN), added(BOB, Role.GLOBAL_ADMIN))
                .when(new ChangeUserRoles(CONTOSO, BOB, Set.of(), ALICE, AT))
                .expectEvents(new UserRolesChanged(CONTOSO, BOB, Set.of(), ALICE, AT));
    }

    @Test
    void a_user_admin_may_not_change_their_own_roles() {
        fixture.given(registered(), added(ALICE, Role.GLOBAL_ADMIN), added(BOB, Role.USER_ADMIN))
                .when(new ChangeUserRoles(CONTOSO, BOB, Set.of(Role.GLOBAL_ADMIN, Role.USER_ADMIN), BOB, AT))
                .expectException(OwnRoles.class)
                .expectExceptionMessage("user bob may not change their own roles; another Global admin or User admin must")
                .expectNoEvents();
    }

    @Test
    void a_global_admin_may_not_change_their_own_roles_either() {
        fixture.given(registered(), added(ALICE, Role.GLOBAL_ADMIN), added(BOB, Role.GLOBAL_ADMIN))
                .when(new ChangeUserRoles(CONTOSO, ALICE, Set.of(Role.MPN_PARTNER_ADMIN), ALICE, AT))
                .expectException(OwnRoles.class)
                .expectNoEvents();
    }

    @Test
    void a_user_admin_may_not_remove_a_global_admin() {
        fixture.given(registered(), added(ALICE, Role.GLOBAL_ADMIN), added(BOB, Role.USER_ADMIN), added(CAROL, Role.GLOBAL_ADMIN))
                .when(new RemoveUser(CONTOSO, CAROL, BOB, AT))
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }

    @Test
    void a_user_admin_may_remove_a_user_who_is_no_global_admin() {
        fixture.given(registered(), added(ALICE, Role.GLOBAL_ADMIN), added(BOB, Role.USER_ADMIN), added(CAROL, Role.ADMIN_AGENT))
                .when(new RemoveUser(CONTOSO, CAROL, BOB, AT))
                .expectEvents(new UserRemoved(CONTOSO, CAROL, BOB, AT));
    }

    @Test
    void the_last_global_admin_cannot_leave_the_directory() {
        fixture.given(registered(), added(ALICE, Role.GLOBAL_ADMIN), added(BOB, Role.USER_ADMIN))
                .when(new RemoveUser(CONTOSO, ALICE, ALICE, AT))
                .expectException(LastGlobalAdmin.class)
                .expectNoEvents();
    }

    @Test
    void a_global_admin_may_leave_once_another_user_is_global_admin() {
        fixture.given(registered(), added(ALICE, Role.GLOBAL_ADMIN), added(BOB, Role.GLOBAL_ADMIN))
                .when(new RemoveUser(CONTOSO, ALICE, ALICE, AT))
                .expectEvents(new UserRemoved(CONTOSO, ALICE, ALICE, AT));
    }

    @Test
    void removing_a_user_not_in_the_directory_is_not_found() {
        fixture.given(registered(), added(ALICE, Role.GLOBAL_ADMIN))
                .when(new RemoveUser(CONTOSO, BOB, ALICE, AT))
                .expectException(NotFound.class)
                .expectNoEvents();
    }

    @Test
    void only_a_global_admin_changes_the_company_account_email() {
        fixture.given(registered(), added(ALICE, Role.GLOBAL_ADMIN), added(BOB, Role.USER_ADMIN))
                .when(new ChangeCompanyAccountEmail(CONTOSO, new EmailAddress("it@contoso.example"), BOB, AT))
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }

    @Test
    void the_program_operator_sets_the_partner_level_and_competencies_recording_who_and_why() {
        fixture.given(registered(), added(ALICE, Role.GLOBAL_ADMIN))
                .when(new ChangeQualifications(CONTOSO, Set.of("Gold Core", "ISV Co-sell ready"), OPERATOR,
                        "Gold competency attained, program case 4711", AT))
                .expectEvents(new QualificationsChanged(CONTOSO, Set.of("Gold Core", "ISV Co-sell ready"), OPERATOR,
                        "Gold competency attained, program case 4711", AT));
    }

    @Test
    void a_change_of_qualifications_without_a_reason_is_refused_before_any_command_is_made() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new ChangeQualifications(CONTOSO, Set.of("Gold Core"), OPERATOR, " ", AT))
                .withMessage("the reason is required");
    }

    @Test
    void an_email_address_with_a_bad_shape_is_rejected_before_any_command_is_made() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new EmailAddress("not-an-address"));
    }

    @Test
    void addresses_that_differ_only_in_letter_case_are_the_same_address() {
        org.assertj.core.api.Assertions.assertThat(new EmailAddress("Admin@Contoso.example").sameAddressAs(COMPANY)).isTrue();
    }
}
