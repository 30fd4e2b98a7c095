package io.benefitledger;

/**
 * The thing a command names does not exist for the partner that names it. Said the same way whether it
 * does not exist at all or belongs to another partner, so that nobody learns of another partner's data.
 */
public class NotFound extends RuntimeException {

    public NotFound(String what, Object id) {
        super(what + " " + id + " was not found");
    }
}
