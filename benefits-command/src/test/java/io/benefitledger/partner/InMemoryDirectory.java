package io.benefitledger.partner;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The directory of one partner, as aggregate tests decide with it. */
public class InMemoryDirectory implements PartnerDirectory {

    private final PartnerId partner;
    private final EmailAddress companyAccountEmail;
    private final Map<UserId, DirectoryUser> users = new HashMap<>();

    public InMemoryDirectory(PartnerId partner, EmailAddress companyAccountEmail) {
        this.partner = partner;
        this.companyAccountEmail = companyAccountEmail;
    }

    public InMemoryDirectory with(UserId user, Role... roles) {
        users.put(user, new DirectoryUser(user, user.value(), new EmailAddress(user.value() + "@partner.example"), Set.of(roles)));
        return this;
    }

    @Override
    public Optional<DirectoryUser> user(PartnerId partner, UserId user) {
        return this.partner.equals(partner) ? Optional.ofNullable(users.get(user)) : Optional.empty();
    }

    @Override
    public Set<String> qualifications(PartnerId partner) {
        return Set.of();
    }

    @Override
    public Optional<EmailAddress> companyAccountEmail(PartnerId partner) {
        return this.partner.equals(partner) ? Optional.of(companyAccountEmail) : Optional.empty();
    }
}
