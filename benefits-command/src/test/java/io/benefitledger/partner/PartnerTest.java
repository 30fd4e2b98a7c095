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
    void the_last_global_admin_cannot_lose_that_role() {
        fixture.given(registered(), added(ALICE, Role.GLOBAL_ADMIN))
                .when(new ChangeUserRoles(CONTOSO, ALICE, Set.of(Role.USER_ADMIN), ALICE, AT))
                .expectException(LastGlobalAdmin.class)
                .expectNoEvents();
    }

    @Test
    void the_last_global_admin_cannot_be_removed() {
        fixture.given(registered(), added(ALICE, Role.GLOBAL_ADMIN), added(BOB, Role.USER_ADMIN))
                .when(new RemoveUser(CONTOSO, ALICE, BOB, AT))
                .expectException(LastGlobalAdmin.class)
                .expectNoEvents();
    }

    @Test
    void a_global_admin_can_step_down_once_another_user_is_global_admin() {
        fixture.given(registered(), added(ALICE, Role.GLOBAL_ADMIN), added(BOB, Role.GLOBAL_ADMIN))
                .when(new ChangeUserRoles(CONTOSO, ALICE, Set.of(Role.MPN_PARTNER_ADMIN), ALICE, AT))
                .expectEvents(new UserRolesChanged(CONTOSO, ALICE, Set.of(Role.MPN_PARTNER_ADMIN), ALICE, AT));
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
    void a_global_admin_changes_the_partner_level_and_competencies() {
        fixture.given(registered(), added(ALICE, Role.GLOBAL_ADMIN))
                .when(new ChangeQualifications(CONTOSO, Set.of("Gold Core", "ISV Co-sell ready"), ALICE, AT))
                .expectEvents(new QualificationsChanged(CONTOSO, Set.of("Gold Core", "ISV Co-sell ready"), ALICE, AT));
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
