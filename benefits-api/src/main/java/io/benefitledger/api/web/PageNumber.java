package io.benefitledger.api.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A page number of a paged read: 0 to 10,000. At the largest page size (500 to 1,000) that reaches millions of rows,
 * more than any partner has; beyond it the offset alone would overflow or scan for nothing.
 */
@Min(0)
@Max(PageNumber.LAST)
@Target({ElementType.PARAMETER, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
public @interface PageNumber {

    int LAST = 10_000;

    String message() default "must be a page from 0 to 10000";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
