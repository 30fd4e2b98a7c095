package io.benefitledger.api.web;

import org.springframework.http.HttpStatus;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every kind of problem detail the ledger answers, once: its type URI, status and title, what it means and what the
 * client should do about it. The answers are built from it ({@link ProblemDetailsAdvice}, {@link Problems}) and so is
 * the API description, so a type cannot be answered without being documented. The domain's rule violations name
 * their rule by its code; each code is a type here.
 */
public enum ProblemType {

    // The request itself
    INVALID_REQUEST("invalid-request", HttpStatus.BAD_REQUEST, "Invalid request",
            "The address, a header, a parameter or the body is malformed: a field of the wrong type or out of its limits,"
            + " an unknown field, a malformed id, text with control characters, a malformed If-Match or Idempotency-Key."
            + " `errors` names each field and why.",
            "Correct the request as `detail` and `errors` say; nothing was recorded."),
    UNKNOWN_PARAMETER("unknown-parameter", HttpStatus.BAD_REQUEST, "Unknown query parameter",
            "The request names a query parameter the endpoint does not take; it is never ignored. `parameters` lists"
            + " those refused, `accepted` those the endpoint takes.",
            "Drop or rename the parameter; nothing was recorded."),
    POSITION_BEYOND_HEAD("position-beyond-head", HttpStatus.BAD_REQUEST, "Position not recorded",
            "`awaitPosition` names a position beyond the last event recorded.",
            "Pass the `position` a command answered with."),
    UNAUTHENTICATED("unauthenticated", HttpStatus.UNAUTHORIZED, "Unauthorized",
            "No bearer token, or one that is not valid: wrong signature, issuer or audience, expired.",
            "Get a token from the identity provider (in local mode from `POST /local/tokens`) and send it as"
            + " `Authorization: Bearer <token>`."),
    NOT_PERMITTED("not-permitted", HttpStatus.FORBIDDEN, "Not permitted",
            "The caller's roles do not allow this, the caller is not in the partner's directory, or a reader tried to"
            + " change what it reads. Decided before the body is read.",
            "Do not retry; ask someone with one of the roles the operation lists."),
    NOT_ON_THIS_MACHINE("not-on-this-machine", HttpStatus.FORBIDDEN, "Not permitted",
            "Local mode mints tokens only for callers on the machine the service runs on.",
            "Mint the token on that machine, or run the service in jwt mode with an identity provider."),
    OWN_ROLES("own-roles", HttpStatus.FORBIDDEN, "Not permitted",
            "Nobody changes their own roles.", "Ask another Global admin or User admin."),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found",
            "Nothing is at this address for the caller: the partner, package, subscription, offer, event or processor"
            + " does not exist, or belongs to a partner the caller may not see (never told apart).",
            "Check the ids and the partner in the path."),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method Not Allowed",
            "The address exists but does not take this HTTP method.", "Use the method the description lists."),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not Acceptable",
            "The `Accept` header asks for a media type the endpoint cannot answer with; `supported` names those it can.",
            "Accept one of the types named in `supported` (or send no `Accept`)."),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type",
            "The body is not `application/json`.", "Send the body as `Content-Type: application/json`."),
    BODY_TOO_LARGE("body-too-large", HttpStatus.PAYLOAD_TOO_LARGE, "Payload Too Large",
            "The request body is over 256 KB.", "Send a smaller body; no command needs more."),
    URI_TOO_LONG("uri-too-long", HttpStatus.URI_TOO_LONG, "URI Too Long",
            "The request's address is too long.", "Shorten the address."),
    REQUEST_HEADER_FIELDS_TOO_LARGE("request-header-fields-too-large", HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
            "Request Header Fields Too Large", "The request's headers are too large.", "Send smaller headers."),

    // Concurrency and retries
    STALE_VERSION("stale-version", HttpStatus.PRECONDITION_FAILED, "Changed since you read it",
            "`If-Match` names a version of the package, subscription, offer set or partner that it is no longer at.",
            "Read it again (its `ETag`), decide again, and send the command with the new version."),
    CONFLICT("conflict", HttpStatus.CONFLICT, "Conflicting change",
            "Another change to the same thing committed first, or the id to create is taken (a package named"
            + " `go-to-market`, a partner registered twice).",
            "For a new thing choose another id; otherwise read again and retry."),
    PROCESSOR_OWNED_ELSEWHERE("processor-owned-elsewhere", HttpStatus.CONFLICT, "Processor owned by another node",
            "Another node holds a segment of the projection's processor, so it cannot be rebuilt from here.",
            "Retry on the node that holds it, or when it has released it."),
    PROCESSOR_NOT_REBUILDABLE("processor-not-rebuildable", HttpStatus.CONFLICT, "Processor not rebuildable",
            "The processor keeps no read model and is never replayed: the notifications processor would otherwise"
            + " decide every mail of the history again.",
            "Nothing to rebuild; the read models are rebuilt through `read-models`."),
    MAIL_NOT_PARKED("mail-not-parked", HttpStatus.CONFLICT, "Mail not parked",
            "Only a parked mail (one that failed every attempt) is retried or discarded: this one is pending, sent,"
            + " discarded or cancelled, as `detail` says.",
            "Read the mail (`GET /operations/mail/{mailId}`); a pending one is on its way, nothing to do."),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", HttpStatus.UNPROCESSABLE_ENTITY, "Unprocessable Entity",
            "This `Idempotency-Key` was used by the same caller for a different request.",
            "Use a new key for a new request; reuse a key only to retry the very same request."),
    TOO_MANY_WAITING_READS("too-many-waiting-reads", HttpStatus.TOO_MANY_REQUESTS, "Too many reads waiting",
            "The caller has 20 reads waiting for a position already.", "Retry after `Retry-After` seconds."),
    READ_MODEL_BEHIND("read-model-behind", HttpStatus.SERVICE_UNAVAILABLE, "Read model not caught up yet",
            "The read model had not reached `awaitPosition` within 5 s.", "Retry after `Retry-After` seconds."),
    OUTCOME_UNKNOWN("outcome-unknown", HttpStatus.SERVICE_UNAVAILABLE, "Outcome unknown",
            "The database failed while committing the command: it may or may not have been recorded.",
            "Retry with the same `Idempotency-Key`: a recorded command answers as it did and records nothing. Without a"
            + " key, read before retrying."),
    DATABASE_UNAVAILABLE("database-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable",
            "The ledger cannot reach its database; nothing was recorded.", "Retry after `Retry-After` seconds."),
    BUSY("busy", HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable",
            "Too many commands are running; this one waited its turn and was not run.",
            "Retry after `Retry-After` seconds; nothing was recorded."),
    INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
            "The request could not be completed; nothing was recorded unless the response said so.",
            "Retry with the same `Idempotency-Key`, or read first; report it if it persists."),

    // The domain's rules (422 unless they are a question of permission)
    EMPTY_PACKAGE("empty-package", HttpStatus.UNPROCESSABLE_ENTITY, "A benefit rule was broken",
            "An offering holds no allocation.", "Name at least one product, subscription, seat or technical benefit."),
    DUPLICATE_ALLOCATION("duplicate-allocation", HttpStatus.UNPROCESSABLE_ENTITY, "A benefit rule was broken",
            "Two allocations of an offering share an id.", "Give each product and allocation its own id."),
    PACKAGE_TOO_LARGE("package-too-large", HttpStatus.UNPROCESSABLE_ENTITY, "A benefit rule was broken",
            "An offering, or a package of it, is over the limits of one package: 50 products and allocations, 500"
            + " subscriptions, 10,000 keys per product or units per technical benefit, or a package and allocation id"
            + " together over 120 characters.",
            "Publish offerings within the limits; name the package with a shorter id."),
    UNKNOWN_OFFERING("unknown-offering", HttpStatus.UNPROCESSABLE_ENTITY, "A benefit rule was broken",
            "The purchase names an offering the program's catalogue has never published.",
            "Name an offering `GET /catalogue/offerings` lists."),
    OFFERING_WITHDRAWN("offering-withdrawn", HttpStatus.UNPROCESSABLE_ENTITY, "A benefit rule was broken",
            "The offering was withdrawn from the catalogue: it cannot be bought, nor withdrawn again.",
            "Buy another offering; the program operator puts it on sale again by publishing a new version."),
    STALE_OFFERING_VERSION("stale-offering-version", HttpStatus.UNPROCESSABLE_ENTITY, "A benefit rule was broken",
            "The purchase pinned a version of the offering that is not its current one; `detail` names the current.",
            "Read the offering (`GET /catalogue/offerings/{offeringId}`), then buy its current version, or leave"
            + " `version` out."),
    PURCHASE_LIMIT_REACHED("purchase-limit-reached", HttpStatus.UNPROCESSABLE_ENTITY, "A benefit rule was broken",
            "The partner already holds as many packages of the offering in the membership year this purchase would"
            + " begin as the offering allows (an Action Pack: one per membership year).",
            "Renew within the renewal window (a renewal begins the next year), or wait for the year to end."),
    PACKAGE_EXPIRED("package-expired", HttpStatus.UNPROCESSABLE_ENTITY, "A benefit rule was broken",
            "The package's membership year ended without renewal and its grace period is over; its benefits expired.",
            "Purchase the offering again to start a new membership year."),
    PRODUCT_EXPIRED("product-expired", HttpStatus.UNPROCESSABLE_ENTITY, "A benefit rule was broken",
            "The product's validity, counted by its offering from the first reveal of its keys, is over.",
            "Purchase the offering again for a product valid anew."),
    MEMBERSHIP_ALREADY_RENEWED("membership-already-renewed", HttpStatus.UNPROCESSABLE_ENTITY, "A benefit rule was broken",
            "Another purchase renewed the same membership year a moment before this one.",
            "Purchase again: the purchase then starts a membership year of its own."),
    PACKAGE_REVOKED("package-revoked", HttpStatus.UNPROCESSABLE_ENTITY, "A benefit rule was broken",
            "The package was cancelled with a refund; its benefits are revoked.", "Nothing more can be done with it."),
    KEYS_EXHAUSTED("keys-exhausted", HttpStatus.UNPROCESSABLE_ENTITY, "A benefit rule was broken",
            "The product has no license keys left to reveal.", "Purchase another package for more keys."),
    LANGUAGE_NOT_OFFERED("language-not-offered", HttpStatus.UNPROCESSABLE_ENTITY, "A benefit rule was broken",
            "The product is not offered in the display language asked for; `detail` lists those it is.",
            "Ask again with one of the languages listed."),
    OPERATING_SYSTEM_NOT_OFFERED("operating-system-not-offered", HttpStatus.UNPROCESSABLE_ENTITY,
            "A benefit rule was broken",
            "The product is not offered for the operating system asked for; `detail` lists those it is.",
            "Ask again with one of the operating systems listed."),
    SEAT_TAKEN("seat-taken", HttpStatus.UNPROCESSABLE_ENTITY, "A benefit rule was broken",
            "The subscription is assigned to someone already.", "Remove the assigned user first, then assign another."),
    USER_NOT_IN_DIRECTORY("user-not-in-directory", HttpStatus.UNPROCESSABLE_ENTITY, "A benefit rule was broken",
            "The user named is not in the partner's directory.", "Add the user to the directory first."),
    ASSIGN_YOURSELF("assign-yourself", HttpStatus.UNPROCESSABLE_ENTITY, "A benefit rule was broken",
            "A usage-based Azure subscription is activated by assigning yourself, the acting admin.",
            "Assign it with your own user id."),
    ALTERNATIVE_EMAIL_REQUIRED("alternative-email-required", HttpStatus.UNPROCESSABLE_ENTITY,
            "A benefit rule was broken",
            "A technical benefit's assignment needs an alternative e-mail address.", "Send `alternativeEmail`."),
    LANGUAGE_NOT_SUPPORTED("language-not-supported", HttpStatus.UNPROCESSABLE_ENTITY, "A benefit rule was broken",
            "The preferred language is not one the program communicates in (ledger.go-to-market.languages).",
            "Send one of the languages the detail lists, e.g. en-US or zh-TW."),
    ALTERNATIVE_EMAIL_IS_COMPANY_EMAIL("alternative-email-is-company-email", HttpStatus.UNPROCESSABLE_ENTITY,
            "A benefit rule was broken",
            "The alternative e-mail address is the company account e-mail (compared in any letter case).",
            "Send an address other than the company account e-mail."),
    NOT_ASSIGNED("not-assigned", HttpStatus.UNPROCESSABLE_ENTITY, "A benefit rule was broken",
            "The subscription has no assigned user to remove.", "Nothing to do; assign someone if that was meant."),
    SUBSCRIPTION_EXPIRED("subscription-expired", HttpStatus.UNPROCESSABLE_ENTITY, "A benefit rule was broken",
            "The subscription expired with its package's membership year.",
            "Purchase the offering again to start a new membership year."),
    SUBSCRIPTION_REVOKED("subscription-revoked", HttpStatus.UNPROCESSABLE_ENTITY, "A benefit rule was broken",
            "The subscription was revoked when its package was cancelled with a refund.",
            "Nothing more can be done with it."),
    NOT_PENDING("not-pending", HttpStatus.UNPROCESSABLE_ENTITY, "A benefit rule was broken",
            "Fulfilment confirms only a technical benefit whose activation is pending.",
            "Confirm only after the benefit was assigned, and only once."),
    NOT_DRAWABLE("not-drawable", HttpStatus.UNPROCESSABLE_ENTITY, "A benefit rule was broken",
            "Only technical benefits are drawn; this subscription is a seat or a cloud subscription.",
            "Draw on a technical benefit."),
    BENEFIT_NOT_ACTIVE("benefit-not-active", HttpStatus.UNPROCESSABLE_ENTITY, "A benefit rule was broken",
            "The technical benefit is not active yet (or no longer): it can be drawn once its activation is fulfilled.",
            "Wait for fulfilment to confirm the activation."),
    NOT_THE_ASSIGNEE("not-the-assignee", HttpStatus.UNPROCESSABLE_ENTITY, "A benefit rule was broken",
            "Only the benefit's assigned user or a Global admin draws on it.", "Have the assignee send the draw."),
    PHASE_REQUIRED("phase-required", HttpStatus.UNPROCESSABLE_ENTITY, "A benefit rule was broken",
            "A request for hours names its phase.", "Send `phase`: PRESALES, DESIGN, DEPLOYMENT or APP_DEVELOPMENT."),
    ONE_INCIDENT_AT_A_TIME("one-incident-at-a-time", HttpStatus.UNPROCESSABLE_ENTITY, "A benefit rule was broken",
            "Support incidents are drawn one at a time, without a phase.", "Send `amount` 1 and no `phase`."),
    BALANCE_EXCEEDED("balance-exceeded", HttpStatus.UNPROCESSABLE_ENTITY, "A benefit rule was broken",
            "The draw asks for more than is left; `detail` says how much is.", "Ask for at most what is left."),
    NO_MARKETING_CONTACT("no-marketing-contact", HttpStatus.UNPROCESSABLE_ENTITY, "A benefit rule was broken",
            "No offer is activated before the partner has a company marketing contact.",
            "Designate one (`PUT /partners/{partnerId}/go-to-market/contact`), then activate."),
    OFFER_PENDING("offer-pending", HttpStatus.UNPROCESSABLE_ENTITY, "A benefit rule was broken",
            "The offer's activation is pending already.", "Wait for fulfilment."),
    OFFER_ACTIVE("offer-active", HttpStatus.UNPROCESSABLE_ENTITY, "A benefit rule was broken",
            "The offer is active already, until the date `detail` names.", "Nothing to do: use it."),
    OFFER_EXPIRED("offer-expired", HttpStatus.UNPROCESSABLE_ENTITY, "A benefit rule was broken",
            "The offer expired and can no longer be used.", "Nothing more can be done with it."),
    OFFER_WITHDRAWN("offer-withdrawn", HttpStatus.UNPROCESSABLE_ENTITY, "A benefit rule was broken",
            "The offer was withdrawn when the package that granted it was refunded.",
            "Nothing more can be done with it."),
    OFFER_NOT_ACTIVE("offer-not-active", HttpStatus.UNPROCESSABLE_ENTITY, "A benefit rule was broken",
            "Only an active offer can be used.", "Activate it and wait for fulfilment."),
    OFFER_NOT_PENDING("offer-not-pending", HttpStatus.UNPROCESSABLE_ENTITY, "A benefit rule was broken",
            "Fulfilment confirms only an offer whose activation is pending.",
            "Confirm only after the offer was activated, and only once."),
    USER_ALREADY_IN_DIRECTORY("user-already-in-directory", HttpStatus.UNPROCESSABLE_ENTITY,
            "A benefit rule was broken", "The user is in the partner's directory already.",
            "Change the user's roles instead."),
    LAST_GLOBAL_ADMIN("last-global-admin", HttpStatus.UNPROCESSABLE_ENTITY, "A benefit rule was broken",
            "A partner always keeps a Global admin: this change would leave it none.",
            "Make another user Global admin first.");

    public static final String BASE = "https://benefit-ledger.example/problems/";

    private final String code;
    private final HttpStatus status;
    private final String title;
    private final String meaning;
    private final String whatToDo;

    ProblemType(String code, HttpStatus status, String title, String meaning, String whatToDo) {
        this.code = code;
        this.status = status;
        this.title = title;
        this.meaning = meaning;
        this.whatToDo = whatToDo;
    }

    public String code() {
        return code;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String meaning() {
        return meaning;
    }

    public String whatToDo() {
        return whatToDo;
    }

    public URI uri() {
        return URI.create(BASE + code);
    }

    /** The type of a rule the domain names by its code. */
    public static Optional<ProblemType> ofCode(String code) {
        return Arrays.stream(values()).filter(type -> type.code.equals(code)).findFirst();
    }

    /** The type of an error known only by its status, as the servlet container or Spring MVC reports it. */
    static ProblemType ofStatus(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> INVALID_REQUEST;
            case UNAUTHORIZED -> UNAUTHENTICATED;
            case FORBIDDEN -> NOT_PERMITTED;
            case NOT_FOUND -> NOT_FOUND;
            case METHOD_NOT_ALLOWED -> METHOD_NOT_ALLOWED;
            case NOT_ACCEPTABLE -> NOT_ACCEPTABLE;
            case PAYLOAD_TOO_LARGE -> BODY_TOO_LARGE;
            case URI_TOO_LONG -> URI_TOO_LONG;
            case UNSUPPORTED_MEDIA_TYPE -> UNSUPPORTED_MEDIA_TYPE;
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> REQUEST_HEADER_FIELDS_TOO_LARGE;
            default -> INTERNAL_ERROR;
        };
    }
}
