package io.benefitledger.api.directory;

import io.benefitledger.partner.DirectoryUser;
import io.benefitledger.partner.EmailAddress;
import io.benefitledger.partner.PartnerDirectory;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.Role;
import io.benefitledger.partner.UserId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The directory the write side decides with, read from the tables {@link DirectoryTables} keeps. */
@Component
class JdbcPartnerDirectory implements PartnerDirectory {

    private final JdbcTemplate jdbc;

    JdbcPartnerDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<DirectoryUser> user(PartnerId partner, UserId user) {
        return jdbc.query("select display_name, email, roles from directory_user where partner_id = ? and user_id = ?",
                (row, index) -> new DirectoryUser(user, row.getString("display_name"),
                        new EmailAddress(row.getString("email")), roles(row.getArray("roles"))),
                partner.value(), user.value()).stream().findFirst();
    }

    @Override
    public Optional<EmailAddress> companyAccountEmail(PartnerId partner) {
        return jdbc.query("select company_account_email from directory_partner where partner_id = ?",
                (row, index) -> new EmailAddress(row.getString(1)), partner.value()).stream().findFirst();
    }

    @Override
    public Set<String> qualifications(PartnerId partner) {
        return jdbc.query("select qualifications from directory_partner where partner_id = ?",
                        (row, index) -> Set.of((String[]) row.getArray(1).getArray()), partner.value())
                .stream().findFirst().orElse(Set.of());
    }

    private static Set<Role> roles(Array roles) throws SQLException {
        return Arrays.stream((String[]) roles.getArray()).map(Role::valueOf).collect(Collectors.toSet());
    }
}
