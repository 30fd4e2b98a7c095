package io.benefitledger;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An event handler the write side depends on: it runs in the transaction that records the events it handles, and
 * its failure rolls that command back. Every other event handler keeps a read model, later and on its own.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RunsWithTheCommand {
}
