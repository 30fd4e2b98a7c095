package io.benefitledger.api.directory;

import io.benefitledger.partner.PartnerId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/** The users of a partner's directory, to choose from when assigning a benefit or a marketing contact. */
@Component
public class DirectoryUsers {

    /** A user as a list of choices shows them. */
    public record Choice(String userId, String displayName) {
    }

    private final JdbcTemplate jdbc;

    DirectoryUsers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Choice> of(PartnerId partner) {
        return jdbc.query("select user_id, display_name from directory_user where partner_id = ? order by user_id",
                (row, index) -> new Choice(row.getString(1), row.getString(2)), partner.value());
    }
}
