package io.benefitledger.api.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * An instant within the ledger's time: from 2000-01-01 (before anything it records) to a year from now (an as-of
 * read further ahead is a typo, and instants near the ends of {@link Instant}'s range break the arithmetic on them).
 */
@Target({ElementType.PARAMETER, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = LedgerTime.Check.class)
public @interface LedgerTime {

    Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    Duration LATEST_AHEAD = Duration.ofDays(365);

    String message() default "must be an instant from 2000-01-01T00:00:00Z to a year from now";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<LedgerTime, Instant> {

        private final Clock clock;

        Check(Clock clock) {
            this.clock = clock;
        }

        @Override
        public boolean isValid(Instant at, ConstraintValidatorContext context) {
            return at == null || !at.isBefore(EARLIEST) && !at.isAfter(clock.instant().plus(LATEST_AHEAD));
        }
    }
}
