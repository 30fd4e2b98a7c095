package io.benefitledger.benefit;

import io.benefitledger.partner.EmailAddress;
import io.benefitledger.partner.UserId;

import java.util.Optional;
import java.util.function.Supplier;

/** How a benefit of a kind becomes active, and what an assignment must hold for it. */
public enum Activation {
    /** "Get keys": the package's keys are revealed; nobody is assigned. */
    REVEAL_KEYS {
        @Override
        public SubscriptionStatus assign(UserId assignee, UserId assignedBy, EmailAddress alternativeEmail,
                                         Supplier<Optional<EmailAddress>> companyAccountEmail) {
            throw new IllegalStateException("a benefit activated by revealing keys is never assigned");
        }
    },
    /** A user of the directory is assigned; active at once. */
    ASSIGN_USER,
    /** The acting admin assigns themself; active at once. */
    ASSIGN_YOURSELF {
        @Override
        public SubscriptionStatus assign(UserId assignee, UserId assignedBy, EmailAddress alternativeEmail,
                                         Supplier<Optional<EmailAddress>> companyAccountEmail) {
            if (!assignee.equals(assignedBy)) {
                throw AssignmentRefused.assignYourself(assignee, assignedBy);
            }
            return SubscriptionStatus.ACTIVE;
        }
    },
    /**
     * A user and an alternative e-mail that is not the company account e-mail (the instructions go to both); pending
     * until the program confirms the fulfilment.
     */
    ASSIGN_WITH_ALTERNATIVE_EMAIL {
        @Override
        public SubscriptionStatus assign(UserId assignee, UserId assignedBy, EmailAddress alternativeEmail,
                                         Supplier<Optional<EmailAddress>> companyAccountEmail) {
            if (alternativeEmail == null) {
                throw AssignmentRefused.alternativeEmailRequired();
            }
            if (companyAccountEmail.get().filter(alternativeEmail::sameAddressAs).isPresent()) {
                throw AssignmentRefused.alternativeEmailIsCompanyEmail();
            }
            return SubscriptionStatus.PENDING;
        }
    };

    /**
     * Refuses an assignment this activation does not allow (the assignee is already known to be in the directory),
     * and otherwise tells where the benefit then stands.
     */
    public SubscriptionStatus assign(UserId assignee, UserId assignedBy, EmailAddress alternativeEmail,
                                     Supplier<Optional<EmailAddress>> companyAccountEmail) {
        return SubscriptionStatus.ACTIVE;
    }
}
