package io.benefitledger.api.mail;

import io.benefitledger.NotFound;
import io.benefitledger.PersonalData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The mails decided and not yet delivered, and those delivered, parked or discarded (table {@code mail_outbox}),
 * with the audit's record of each delivery and final failure ({@code mail_record}). Every method runs in the caller's
 * transaction: a mail is decided in the notifications processor's, with its token.
 */
@Component
class Outbox {

    enum Status { PENDING, SENT, PARKED, DISCARDED, CANCELLED }

    /** A mail to store: decided from {@code eventId}, about {@code about}, to send from {@code sendAfter} on. */
    record Decided(String eventId, MailTemplate template, String partnerId, String about, List<String> recipients,
                   MailTemplates.Rendered rendered, Instant decidedAt, Instant sendAfter) {
    }

    /** A mail as the outbox holds it; the bodies are null once it was delivered or discarded. */
    record Mail(long mailId, String eventId, String template, String partnerId, String about, String language,
                List<String> recipients, String subject, String textBody, String htmlBody, String messageId,
                Instant decidedAt, Status status, int attempts, Instant nextAttemptAt, String lastError, Instant sentAt) {
    }

    /** A delivery or final failure of a partner's mail, as the audit recorded it, with what the mail was about. */
    record Delivery(long recordId, String messageId, String template, String language, String subject, String about,
                    @PersonalData List<String> recipients, String outcome, Instant at, String error) {
    }

    private static final String COLUMNS = """
            mail_id, event_id, template, partner_id, about, language, recipients, subject, text_body, html_body,
            message_id, decided_at, status, attempts, next_attempt_at, last_error, sent_at""";

    private static final RowMapper<Mail> MAIL = (row, index) -> new Mail(row.getLong(1), row.getString(2),
            row.getString(3), row.getString(4), row.getString(5), row.getString(6), strings(row.getArray(7)),
            row.getString(8), row.getString(9), row.getString(10), row.getString(11), instant(row, 12),
            Status.valueOf(row.getString(13)), row.getInt(14), instant(row, 15), row.getString(16), instant(row, 17));

    private final JdbcTemplate jdbc;

    Outbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the mail unless the same event decided it already; answers whether it was stored now. */
    boolean store(Decided mail, String messageDomain) {
        return jdbc.update("""
                        insert into mail_outbox (event_id, template, partner_id, about, language, recipients, subject,
                                                 text_body, html_body, message_id, decided_at, status, next_attempt_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)
                        on conflict on constraint mail_outbox_once do nothing""",
                mail.eventId(), mail.template().code(), mail.partnerId(), mail.about(), mail.rendered().language(),
                mail.recipients().toArray(String[]::new), mail.rendered().subject(), mail.rendered().text(),
                mail.rendered().html(), "<" + mail.eventId() + "." + mail.template().code() + "@" + messageDomain + ">",
                Timestamp.from(mail.decidedAt()), Timestamp.from(mail.sendAfter())) == 1;
    }

    /** A reminder not sent yet whose subject ended first (the offer withdrawn or expired) is never sent. */
    void cancelPending(MailTemplate template, String partnerId, String about) {
        jdbc.update("""
                update mail_outbox set status = 'CANCELLED', text_body = null, html_body = null
                where status = 'PENDING' and template = ? and partner_id = ? and about = ?""",
                template.code(), partnerId, about);
    }

    /** The next mail due at {@code now}, locked for this transaction; one another node holds is skipped. */
    Optional<Mail> claimDue(Instant now) {
        return jdbc.query("select " + COLUMNS + """
                         from mail_outbox where status = 'PENDING' and next_attempt_at <= ?
                        order by next_attempt_at, mail_id limit 1 for update skip locked""",
                MAIL, Timestamp.from(now)).stream().findFirst();
    }

    void delivered(Mail mail, Instant at) {
        jdbc.update("""
                update mail_outbox set status = 'SENT', attempts = attempts + 1, sent_at = ?, last_error = null,
                                       text_body = null, html_body = null
                where mail_id = ?""", Timestamp.from(at), mail.mailId());
        record(mail, "DELIVERED", at, null);
    }

    void failed(Mail mail, Instant retryAt, String error) {
        jdbc.update("update mail_outbox set attempts = attempts + 1, next_attempt_at = ?, last_error = ? where mail_id = ?",
                Timestamp.from(retryAt), error, mail.mailId());
    }

    void parked(Mail mail, Instant at, String error) {
        jdbc.update("update mail_outbox set status = 'PARKED', attempts = attempts + 1, last_error = ? where mail_id = ?",
                error, mail.mailId());
        record(mail, "PARKED", at, error);
    }

    /** A parked mail is sent again from {@code now}, with its attempts counted afresh. */
    Mail retry(long mailId, Instant now) {
        parkedMail(mailId);
        jdbc.update("update mail_outbox set status = 'PENDING', attempts = 0, next_attempt_at = ? where mail_id = ?",
                Timestamp.from(now), mailId);
        return find(mailId);
    }

    /** A parked mail is never sent; its body is dropped. */
    Mail discard(long mailId, Instant now) {
        Mail mail = parkedMail(mailId);
        jdbc.update("update mail_outbox set status = 'DISCARDED', text_body = null, html_body = null where mail_id = ?",
                mailId);
        record(mail, "DISCARDED", now, mail.lastError());
        return find(mailId);
    }

    Mail find(long mailId) {
        return jdbc.query("select " + COLUMNS + " from mail_outbox where mail_id = ?", MAIL, mailId).stream()
                .findFirst().orElseThrow(() -> new NotFound("mail", Long.toString(mailId)));
    }

    List<Mail> list(Status status, int page, int size) {
        return jdbc.query("select " + COLUMNS + " from mail_outbox where (?::text is null or status = ?)"
                          + " order by mail_id desc offset ? limit ?",
                MAIL, name(status), name(status), (long) page * size, size);
    }

    long count(Status status) {
        return jdbc.queryForObject("select count(*) from mail_outbox where (?::text is null or status = ?)", Long.class,
                name(status), name(status));
    }

    /** The partner's deliveries and final failures, newest first. */
    List<Delivery> deliveries(String partnerId, int page, int size) {
        return jdbc.query("""
                        select r.record_id, r.message_id, r.template, r.language, m.subject, m.about, r.recipients,
                               r.outcome, r.at, r.error
                        from mail_record r join mail_outbox m on m.mail_id = r.mail_id
                        where r.partner_id = ? order by r.at desc, r.record_id desc offset ? limit ?""",
                (row, index) -> new Delivery(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6), strings(row.getArray(7)), row.getString(8), instant(row, 9),
                        row.getString(10)),
                partnerId, (long) page * size, size);
    }

    long countDeliveries(String partnerId) {
        return jdbc.queryForObject("select count(*) from mail_record where partner_id = ?", Long.class, partnerId);
    }

    private Mail parkedMail(long mailId) {
        Mail mail = jdbc.query("select " + COLUMNS + " from mail_outbox where mail_id = ? for update", MAIL, mailId)
                .stream().findFirst().orElseThrow(() -> new NotFound("mail", Long.toString(mailId)));
        if (mail.status() != Status.PARKED) {
            throw new MailNotParked(mail);
        }
        return mail;
    }

    private void record(Mail mail, String outcome, Instant at, String error) {
        jdbc.update("""
                        insert into mail_record (mail_id, partner_id, message_id, template, language, recipients, outcome, at, error)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                mail.mailId(), mail.partnerId(), mail.messageId(), mail.template(), mail.language(),
                mail.recipients().toArray(String[]::new), outcome, Timestamp.from(at), error);
    }

    private static String name(Status status) {
        return status == null ? null : status.name();
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
