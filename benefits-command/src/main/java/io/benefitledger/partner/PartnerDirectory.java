package io.benefitledger.partner;

import java.util.Optional;
import java.util.Set;

/**
 * The partner directory as other aggregates consult it when they decide a command: is this user in the partner's
 * directory, with which roles, and what is the company account e-mail. The service answers from a table that is
 * written in the same transaction as the {@code Partner} aggregate's events, so the answer is never stale;
 * tests pass an in-memory directory.
 */
public interface PartnerDirectory {

    /** The user, if they are in the partner's directory now. */
    Optional<DirectoryUser> user(PartnerId partner, UserId user);

    /** The partner's company account e-mail, if the partner is registered. */
    Optional<EmailAddress> companyAccountEmail(PartnerId partner);

    /** The partner's partner level and competencies, e.g. "Silver Core"; empty for an unknown partner. */
    Set<String> qualifications(PartnerId partner);
}
