package io.benefitledger.lifecycle;

import java.time.Instant;

/**
 * Where deadlines wait: a command to be sent when its instant has passed. Kept durably, in the transaction that
 * records the fact setting the deadline, and sent once however many nodes run.
 */
public interface DeadlineSchedule {

    void schedule(Instant due, Object command);
}
