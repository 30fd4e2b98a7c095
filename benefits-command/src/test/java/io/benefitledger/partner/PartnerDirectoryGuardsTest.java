package io.benefitledger.partner;

import io.benefitledger.BenefitRuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static io.benefitledger.partner.PartnerTest.ALICE;
import static io.benefitledger.partner.PartnerTest.AT;
import static io.benefitledger.partner.PartnerTest.BOB;
import static io.benefitledger.partner.PartnerTest.CAROL;
import static io.benefitledger.partner.PartnerTest.CONTOSO;
import static io.benefitledger.partner.PartnerTest.added;
import static io.benefitledger.partner.PartnerTest.registered;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.axonframework.test.matchers.Matchers.matches;

/**
 * Role guards of the directory's commands, each refused as the typed violation, and what a registration refuses. Kept apart from {@link PartnerTest},
 * which the work on partner roles is changing; the guards of ChangeUserRoles and ChangeQualifications are left to it.
 */
class PartnerDirectoryGuardsTest {

    FixtureConfiguration<Partner> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Partner.class);
    }

    @Test
    void an_admin_agent_may_not_remove_users() {
        fixture.given(registered(), added(ALICE, Role.GLOBAL_ADMIN), added(BOB, Role.ADMIN_AGENT), added(CAROL, Role.ADMIN_AGENT))
                .when(new RemoveUser(CONTOSO, CAROL, BOB, AT))
                .expectException(matches(thrown -> thrown instanceof NotPermitted violation
                        && ((BenefitRuleViolation) violation).code().equals("not-permitted")))
                .expectNoEvents();
    }

    @Test
    void a_blank_qualification_is_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RegisterPartner(CONTOSO, "Contoso Ltd",
                PartnerTest.COMPANY, Set.of("Silver Core", " "), ALICE, "alice", new EmailAddress("alice@contoso.example"), AT));
    }
}
