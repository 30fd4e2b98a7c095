package io.benefitledger.query.year;

import io.benefitledger.query.Columns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** The membership years of a partner's packages, for the tabs that show each row's year beside it. */
@Component
public class PackageYears {

    /** The years of a page's packages: the ids' array, then the partner. */
    static final String OF_PAGE = """
            select year.* from unnest(?) as page (package_id)
            join package_year year on year.partner_id = ? and year.package_id = page.package_id""";

    private final JdbcTemplate jdbc;

    PackageYears(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The year of each of these packages that has one; a package bought before years were recorded has none. One
     * statement text whatever the page's size, joined on the ids' array: a look-up by the primary key for each, in
     * the generic plan too (JPA's findAllById wrote a new statement with a pair of parameters per package).
     */
    public Map<String, MembershipYearView> of(String partnerId, Collection<String> packageIds) {
        return jdbc.query(OF_PAGE,
                        statement -> {
                            statement.setArray(1, Columns.texts(statement.getConnection(), packageIds.stream().distinct().toList()));
                            statement.setString(2, partnerId);
                        }, PackageYear::read).stream()
                .collect(Collectors.toMap(PackageYear::packageId, PackageYear::view));
    }
}
