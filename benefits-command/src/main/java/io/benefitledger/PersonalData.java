package io.benefitledger;

import io.benefitledger.offer.PhoneNumber;
import io.benefitledger.partner.EmailAddress;
import io.benefitledger.partner.UserId;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.RecordComponent;
import java.util.Set;

/**
 * Marks a value that says who a person is or how to reach them: a user id (the directory's key to a name and an
 * e-mail), an e-mail address, a phone number, a name. Readers who may see a partner's benefits but not its people (a
 * reporting user) get such values masked. {@link Rule#isPersonal} is the one place that decides what is personal: a
 * component marked so, or one holding a value of a personal type wherever it appears (events hold them typed).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface PersonalData {

    /** What is personal: a component marked so, or one holding a value of a personal type. */
    final class Rule {

        /** The value types that are personal wherever they appear. */
        private static final Set<Class<?>> TYPES = Set.of(UserId.class, EmailAddress.class, PhoneNumber.class);

        private Rule() {
        }

        public static boolean isPersonal(RecordComponent component) {
            return component.isAnnotationPresent(PersonalData.class) || TYPES.contains(component.getType());
        }
    }
}
