package io.benefitledger.query.year;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** The years of a page's packages, for the tabs to show beside each row; a package bought before years has none. */
@Component
public class PackageYears {

    private final PackageYearRepository years;

    PackageYears(PackageYearRepository years) {
        this.years = years;
    }

    @Transactional(readOnly = true)
    public Map<String, MembershipDates> of(String partnerId, Collection<String> packageIds) {
        return packageIds.isEmpty() ? Map.of() : years.findByPartnerIdAndPackageIdIn(partnerId, packageIds).stream()
                .collect(Collectors.toMap(PackageYear::packageId, PackageYear::dates));
    }
}
