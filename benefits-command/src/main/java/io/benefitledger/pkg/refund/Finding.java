package io.benefitledger.pkg.refund;

import java.util.List;

/**
 * One condition of the refund rule, whether it holds, why, and the events that show it.
 *
 * @param condition a stable name of the condition, e.g. {@code no-software-activated}
 * @param holds     whether the condition holds at the decided instant
 * @param explanation the finding in an admin's words
 */
public record Finding(String condition, boolean holds, String explanation, List<Evidence> evidence) {

    public Finding {
        evidence = List.copyOf(evidence);
    }
}
