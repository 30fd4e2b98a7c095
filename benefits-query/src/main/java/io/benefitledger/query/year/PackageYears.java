package io.benefitledger.query.year;

import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** The membership years of a partner's packages, for the tabs that show each row's year beside it. */
@Component
public class PackageYears {

    private final PackageYearRepository years;

    PackageYears(PackageYearRepository years) {
        this.years = years;
    }

    /** The year of each of these packages that has one; a package bought before years were recorded has none. */
    public Map<String, MembershipYearView> of(String partnerId, Collection<String> packageIds) {
        return years.findAllById(packageIds.stream().distinct().map(pkg -> new PackageYear.Key(partnerId, pkg)).toList())
                .stream().collect(Collectors.toMap(PackageYear::packageId, PackageYear::view));
    }
}
