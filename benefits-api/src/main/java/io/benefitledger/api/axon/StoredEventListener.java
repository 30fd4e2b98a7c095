package io.benefitledger.api.axon;

import org.axonframework.eventhandling.AbstractSequencedDomainEventEntry;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Tells the unit of work storing an event its global index and sequence number (see {@link CommandOutcome}). Declared
 * on Axon's {@code DomainEventEntry} in {@code META-INF/orm.xml}; the index is drawn from the sequence when the entry
 * is persisted, and Axon flushes its entries before the transaction commits.
 */
public class StoredEventListener {

    /** Axon's entry keeps its global index to itself (JPA alone reads the field). */
    private static final VarHandle GLOBAL_INDEX;

    static {
        try {
            GLOBAL_INDEX = MethodHandles.privateLookupIn(AbstractSequencedDomainEventEntry.class, MethodHandles.lookup())
                    .findVarHandle(AbstractSequencedDomainEventEntry.class, "globalIndex", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public void stored(Object entry) {
        if (entry instanceof AbstractSequencedDomainEventEntry<?> event) {
            CommandOutcome.eventRecorded((long) GLOBAL_INDEX.get(event), event.getAggregateIdentifier(), event.getSequenceNumber());
        }
    }
}
