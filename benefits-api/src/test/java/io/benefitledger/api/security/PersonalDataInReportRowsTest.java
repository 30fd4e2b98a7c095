package io.benefitledger.api.security;

import io.benefitledger.PersonalData;
import io.benefitledger.partner.UserId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** In a report across partners, each row is masked by its own partner: a reporting user's, not an own user's. */
class PersonalDataInReportRowsTest {

    record Row(String partnerId, @PersonalData String contact, String product) {
    }

    record Report(List<Row> rows, long total) {
    }

    final Report report = new Report(List.of(new Row("contoso", "ann@mail.example", "Office"),
            new Row("fabrikam", "bob@mail.example", "Office"), new Row("contoso", null, "Azure")), 3);

    @Test
    void a_row_of_a_partner_read_only_as_reporting_is_masked_and_a_row_of_the_callers_own_partner_is_not() {
        Caller fabrikamAgentReportingOnContoso = new Caller(new UserId("rita"), "fabrikam", Set.of("ADMIN_AGENT", "REPORTING"),
                Set.of("contoso"));

        Report masked = PersonalDataMasking.masked(report, fabrikamAgentReportingOnContoso);

        assertThat(masked.rows()).extracting(Row::contact).containsExactly("***", "bob@mail.example", null);
        assertThat(masked.rows()).extracting(Row::product).containsExactly("Office", "Office", "Azure");
        assertThat(masked.total()).isEqualTo(3);
    }

    @Test
    void a_caller_who_sees_every_partners_people_gets_the_very_same_answer() {
        Caller auditor = new Caller(new UserId("ada"), null, Set.of("AUDITOR"), Set.of("contoso", "fabrikam"));
        Caller reportingAuditor = new Caller(new UserId("rada"), null, Set.of("AUDITOR", "REPORTING"), Set.of("contoso", "fabrikam"));

        assertThat(PersonalDataMasking.masked(report, auditor)).isSameAs(report);
        assertThat(PersonalDataMasking.masked(report, reportingAuditor)).isSameAs(report);
    }
}
