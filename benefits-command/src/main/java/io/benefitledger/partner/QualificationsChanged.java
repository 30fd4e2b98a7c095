package io.benefitledger.partner;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Set;

/**
 * The program operator {@code changedBy} set the partner's partner level and competencies to {@code qualifications},
 * for {@code reason}. Revision 1 had no reason (and was decided by the partner's own Global admin); it reads with a
 * null reason.
 */
@Revision("2")
public record QualificationsChanged(PartnerId partnerId, Set<String> qualifications, UserId changedBy, String reason,
                                    Instant at) {
}
