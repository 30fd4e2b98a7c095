package io.benefitledger.partner;

/** What a user of a partner's directory may do on the Benefits pages. */
public enum Role {
    /** Everything, and the only role that assigns benefits to users. */
    GLOBAL_ADMIN,
    /** Purchase packages, view every tab, manage the user directory. */
    USER_ADMIN,
    /** Purchase packages, view every tab. */
    ADMIN_AGENT,
    /** Purchase packages, view every tab, designate the marketing contact and activate Go-To-Market offers. */
    MPN_PARTNER_ADMIN
}
