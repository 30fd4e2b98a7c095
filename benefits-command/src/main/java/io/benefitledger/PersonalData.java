package io.benefitledger;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a value that says who a person is or how to reach them: a user id (the directory's key to a name and an
 * e-mail), an e-mail address, a phone number. Readers who may see a partner's benefits but not its people (a
 * reporting user) get such values masked; where a value is marked is the one place that decides what is personal.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface PersonalData {
}
