package io.benefitledger.catalogue;

import io.benefitledger.pkg.OfferingId;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the catalogue holds of one offering: every version ever published, in order, and whether it is withdrawn. The
 * one fold of an offering's events ({@link #with}), used by the aggregate and by every reader of the catalogue.
 *
 * @param withdrawn the withdrawal of the current version; null while it is on sale
 */
public record OfferingHistory(OfferingId offeringId, List<OfferingPublished> versions, OfferingWithdrawn withdrawn) {

    public OfferingHistory {
        versions = List.copyOf(versions);
    }

    /** An offering with no version yet. */
    public static OfferingHistory of(OfferingId offeringId) {
        return new OfferingHistory(offeringId, List.of(), null);
    }

    /** The history after one more of the offering's events; other events change nothing. */
    public OfferingHistory with(Object event) {
        if (event instanceof OfferingPublished published) {
            List<OfferingPublished> more = new ArrayList<>(versions);
            more.add(published);
            return new OfferingHistory(offeringId, more, null);
        }
        if (event instanceof OfferingWithdrawn withdrawal) {
            return new OfferingHistory(offeringId, versions, withdrawal);
        }
        return this;
    }

    public boolean isPublished() {
        return !versions.isEmpty();
    }

    /** The latest version published. */
    public OfferingPublished current() {
        return versions.get(versions.size() - 1);
    }

    public Optional<OfferingPublished> version(int version) {
        return version < 1 || version > versions.size() ? Optional.empty() : Optional.of(versions.get(version - 1));
    }

    /**
     * The version a purchase gets: the current one, while the offering is on sale; a purchase that names the version
     * it saw gets it only if it is still the current one, so nobody buys contents other than those they were shown.
     */
    public OfferingPublished forPurchase(Integer pinned) {
        if (withdrawn != null) {
            throw new OfferingNotOnSale(offeringId, withdrawn);
        }
        OfferingPublished current = current();
        if (pinned != null && pinned != current.version()) {
            throw new StaleOfferingVersion(offeringId, pinned, current.version());
        }
        return current;
    }
}
