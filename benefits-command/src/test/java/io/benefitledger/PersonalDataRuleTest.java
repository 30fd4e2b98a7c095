package io.benefitledger;

import io.benefitledger.offer.PhoneNumber;
import io.benefitledger.partner.EmailAddress;
import io.benefitledger.partner.UserId;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** What is personal: a component marked so, or one of a personal type, and nothing else. */
class PersonalDataRuleTest {

    record Contact(@PersonalData String name, UserId user, EmailAddress email, PhoneNumber phone, String company,
                   int seats) {
    }

    @Test
    void marked_components_and_components_of_a_personal_type_are_personal_and_others_are_not() {
        assertThat(Arrays.stream(Contact.class.getRecordComponents())
                .collect(Collectors.partitioningBy(PersonalData.Rule::isPersonal,
                        Collectors.mapping(RecordComponent::getName, Collectors.toList()))))
                .containsEntry(true, List.of("name", "user", "email", "phone"))
                .containsEntry(false, List.of("company", "seats"));
    }
}
