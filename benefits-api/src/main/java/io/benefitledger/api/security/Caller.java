package io.benefitledger.api.security;

import io.benefitledger.partner.UserId;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Who is calling, from the bearer token's claims: the user ({@code sub}), the partner they act for
 * ({@code partner}), their roles ({@code roles}), and for auditors and reporting users the partners they were
 * granted ({@code partners}).
 */
public record Caller(UserId user, String partner, Set<String> roles, Set<String> grantedPartners) {

    public static final Set<String> PARTNER_ROLES = Set.of("GLOBAL_ADMIN", "USER_ADMIN", "ADMIN_AGENT", "MPN_PARTNER_ADMIN");
    public static final Set<String> READER_ROLES = Set.of("AUDITOR", "REPORTING");
    /** The program's own side: it confirms fulfilments and runs the program, for every partner. */
    public static final Set<String> PROGRAM_ROLES = Set.of("FULFILMENT", "PROGRAM_OPERATOR");
    /** Every role the service knows; local mode mints no other. */
    public static final Set<String> KNOWN_ROLES = Stream.of(PARTNER_ROLES, READER_ROLES, PROGRAM_ROLES)
            .flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());

    public Caller {
        roles = Set.copyOf(roles);
        grantedPartners = Set.copyOf(grantedPartners);
    }

    /** Whether the caller may see anything of this partner: its own users, or readers it was granted to. */
    public boolean mayRead(String partnerId) {
        return actsFor(partnerId)
               || (roles.stream().anyMatch(READER_ROLES::contains) && grantedPartners.contains(partnerId));
    }

    /**
     * Whether the caller reads the partner's benefits but may not see its people (who holds a seat, their e-mail
     * and phone): a reporting user granted the partner, unless it is also one of the partner's own users or an
     * auditor granted it. An unknown partner ({@code null}) counts as one the caller may not see people of.
     */
    public boolean seesPersonalDataMaskedOf(String partnerId) {
        return roles.contains("REPORTING")
               && !(partnerId != null && (actsFor(partnerId) || (roles.contains("AUDITOR") && grantedPartners.contains(partnerId))));
    }

    /** Whether the caller is one of the partner's own users. */
    public boolean actsFor(String partnerId) {
        return partnerId.equals(partner) && roles.stream().anyMatch(PARTNER_ROLES::contains);
    }
}
