package io.benefitledger.api.description;

import io.benefitledger.api.web.ProblemType;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problems an endpoint's own rules may answer, beyond those every endpoint of its kind may (a bad request, a
 * missing token, a stale If-Match, …), which {@link OperationDescription} derives from the endpoint itself.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Refuses {

    ProblemType[] value();
}
