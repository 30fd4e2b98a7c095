package io.benefitledger.api.security;

import io.benefitledger.partner.UserId;

import java.util.Set;

/**
 * Who is calling, from the bearer token's claims: the user ({@code sub}), the partner they act for
 * ({@code partner}), their roles ({@code roles}), and for auditors and reporting users the partners they were
 * granted ({@code partners}).
 */
public record Caller(UserId user, String partner, Set<String> roles, Set<String> grantedPartners) {

    public static final Set<String> PARTNER_ROLES = Set.of("GLOBAL_ADMIN", "USER_ADMIN", "ADMIN_AGENT", "MPN_PARTNER_ADMIN");
    public static final Set<String> READER_ROLES = Set.of("AUDITOR", "REPORTING");
    /** Every role the service knows; a token may carry no other. */
    public static final Set<String> KNOWN_ROLES = Set.of("GLOBAL_ADMIN", "USER_ADMIN", "ADMIN_AGENT", "MPN_PARTNER_ADMIN",
            "AUDITOR", "REPORTING", "FULFILMENT", "PROGRAM_OPERATOR");

    public Caller {
        roles = Set.copyOf(roles);
        grantedPartners = Set.copyOf(grantedPartners);
    }

    /** Whether the caller may see anything of this partner: its own users, or readers it was granted to. */
    public boolean mayRead(String partnerId) {
        return actsFor(partnerId)
               || (roles.stream().anyMatch(READER_ROLES::contains) && grantedPartners.contains(partnerId));
    }

    /** Whether the caller is one of the partner's own users. */
    public boolean actsFor(String partnerId) {
        return partnerId.equals(partner) && roles.stream().anyMatch(PARTNER_ROLES::contains);
    }
}
