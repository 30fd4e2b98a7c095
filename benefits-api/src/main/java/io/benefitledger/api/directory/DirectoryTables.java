package io.benefitledger.api.directory;

import io.benefitledger.RunsWithTheCommand;
import io.benefitledger.partner.CompanyAccountEmailChanged;
import io.benefitledger.partner.PartnerRegistered;
import io.benefitledger.partner.QualificationsChanged;
import io.benefitledger.partner.Role;
import io.benefitledger.partner.UserAdded;
import io.benefitledger.partner.UserRemoved;
import io.benefitledger.partner.UserRolesChanged;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;

/**
 * Keeps the directory lookup tables. Runs in a subscribing processor, inside the transaction that records the
 * {@code Partner} aggregate's events, so that {@link JdbcPartnerDirectory} never answers from a stale directory.
 */
@Component
@RunsWithTheCommand
@ProcessingGroup(DirectoryTables.GROUP)
public class DirectoryTables {

    public static final String GROUP = "partner-directory";

    private final JdbcTemplate jdbc;

    DirectoryTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PartnerRegistered event) {
        jdbc.update("""
                insert into directory_partner (partner_id, company_name, company_account_email, qualifications)
                values (?, ?, ?, ?)""",
                event.partnerId().value(), event.companyName(), event.companyAccountEmail().value(),
                array(event.qualifications()));
    }

    @EventHandler
    void on(UserAdded event) {
        jdbc.update("""
                insert into directory_user (partner_id, user_id, display_name, email, roles) values (?, ?, ?, ?, ?)""",
                event.partnerId().value(), event.user().value(), event.displayName(), event.email().value(),
                array(event.roles().stream().map(Role::name).toList()));
    }

    @EventHandler
    void on(UserRolesChanged event) {
        jdbc.update("update directory_user set roles = ? where partner_id = ? and user_id = ?",
                array(event.roles().stream().map(Role::name).toList()), event.partnerId().value(), event.user().value());
    }

    @EventHandler
    void on(UserRemoved event) {
        jdbc.update("delete from directory_user where partner_id = ? and user_id = ?",
                event.partnerId().value(), event.user().value());
    }

    @EventHandler
    void on(CompanyAccountEmailChanged event) {
        jdbc.update("update directory_partner set company_account_email = ? where partner_id = ?",
                event.email().value(), event.partnerId().value());
    }

    @EventHandler
    void on(QualificationsChanged event) {
        jdbc.update("update directory_partner set qualifications = ? where partner_id = ?",
                array(event.qualifications()), event.partnerId().value());
    }

    private String[] array(Collection<String> values) {
        return values.stream().sorted().toArray(String[]::new);
    }
}
