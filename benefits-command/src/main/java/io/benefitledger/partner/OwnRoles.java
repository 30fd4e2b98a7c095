package io.benefitledger.partner;

/** Nobody changes his own roles: a promotion, or a step down, is another admin's decision. */
public class OwnRoles extends NotPermitted {

    OwnRoles(UserId user) {
        super("user " + user + " may not change their own roles; another Global admin or User admin must");
    }

    @Override
    public String code() {
        return "own-roles";
    }
}
