package io.benefitledger.api.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A partner's endpoint that the program's own side calls for any partner: a caller with one of these roles passes
 * {@link TenantIsolation} whatever partner the path names. The endpoint still says with {@code @PreAuthorize}
 * who may call it at all.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ForAnyPartner {

    /** The roles, e.g. {@code FULFILMENT}. */
    String[] value();
}
