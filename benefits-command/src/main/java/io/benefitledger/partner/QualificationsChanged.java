package io.benefitledger.partner;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Set;

/** The partner's partner level and competencies are now {@code qualifications}. */
@Revision("1")
public record QualificationsChanged(PartnerId partnerId, Set<String> qualifications, UserId changedBy, Instant at) {
}
