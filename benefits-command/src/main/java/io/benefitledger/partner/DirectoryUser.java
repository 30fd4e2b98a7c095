package io.benefitledger.partner;

import io.benefitledger.PersonalData;

import java.util.Set;

/** A user as the partner's directory holds them at the moment a command is decided. */
public record DirectoryUser(UserId userId, @PersonalData String displayName, EmailAddress email, Set<Role> roles) {

    public DirectoryUser {
        roles = Set.copyOf(roles);
    }

    public boolean hasAnyRole(Role... wanted) {
        for (Role role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
