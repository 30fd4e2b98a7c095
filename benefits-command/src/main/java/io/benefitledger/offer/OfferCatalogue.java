package io.benefitledger.offer;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Which Go-To-Market offers a partner gets for its partner level and competencies. The service builds it from
 * configuration ({@code ledger.go-to-market.catalogue}), so the program can change its offers without a release.
 */
public record OfferCatalogue(List<Entry> entries) {

    /** An offer, and the qualifications any one of which entitles a partner to it. */
    public record Entry(OfferGrant offer, Set<String> qualifications) {
        public Entry {
            qualifications = Set.copyOf(qualifications);
        }
    }

    public OfferCatalogue {
        entries = List.copyOf(entries);
    }

    public List<OfferGrant> offersFor(Collection<String> qualifications) {
        return entries.stream()
                .filter(entry -> entry.qualifications().stream().anyMatch(qualifications::contains))
                .map(Entry::offer)
                .toList();
    }
}
