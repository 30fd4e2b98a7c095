package io.benefitledger.pkg;

import io.benefitledger.partner.DirectoryUser;
import io.benefitledger.partner.EmailAddress;
import io.benefitledger.partner.PartnerDirectory;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.Role;
import io.benefitledger.partner.UserId;

import java.util.Optional;
import java.util.Set;

/** The directory the package tests decide with: partner contoso, whose only user is alice, an admin agent. */
class DirectoryOfContoso implements PartnerDirectory {

    @Override
    public Optional<DirectoryUser> user(PartnerId partner, UserId user) {
        return partner.equals(BenefitPackageTest.PARTNER) && user.equals(BenefitPackageTest.ADMIN)
                ? Optional.of(new DirectoryUser(user, "Alice", new EmailAddress("alice@contoso.example"), Set.of(Role.ADMIN_AGENT)))
                : Optional.empty();
    }

    @Override
    public Optional<EmailAddress> companyAccountEmail(PartnerId partner) {
        return partner.equals(BenefitPackageTest.PARTNER) ? Optional.of(new EmailAddress("admin@contoso.example")) : Optional.empty();
    }
}
