package io.benefitledger.api.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

/**
 * Delivers the outbox over SMTP (Spring's {@link JavaMailSender}, configured by {@code spring.mail.*}; without
 * {@code spring.mail.host} there is none and the mails wait). Each mail is claimed with {@code select … for update
 * skip locked}, sent, and marked sent in one transaction, so a mail another node is sending is skipped and never sent
 * by two nodes. A failed attempt is tried again after a backoff that doubles each time, and after
 * {@code max-attempts} the mail is parked for the operator, never dropped.
 *
 * <p>What SMTP cannot promise: a node that dies after the server accepted a mail and before its transaction commits
 * sends it again after a restart. Every attempt carries the same {@code Message-ID}, by which mail systems recognise
 * the duplicate.
 */
@Component
public class MailDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(MailDelivery.class);

    private final Outbox outbox;
    private final JavaMailSender sender;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final boolean polling;
    private final String from;
    private final int maxAttempts;
    private final Duration firstRetryAfter;
    private final Duration longestRetryAfter;

    MailDelivery(Outbox outbox, ObjectProvider<JavaMailSender> sender, PlatformTransactionManager transactionManager,
                 Clock clock, @Value("${ledger.mail.polling}") boolean polling, @Value("${ledger.mail.from}") String from,
                 @Value("${ledger.mail.max-attempts}") int maxAttempts,
                 @Value("${ledger.mail.first-retry-after}") Duration firstRetryAfter,
                 @Value("${ledger.mail.longest-retry-after}") Duration longestRetryAfter) {
        this.outbox = outbox;
        this.sender = sender.getIfAvailable();
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.polling = polling;
        this.from = from;
        this.maxAttempts = maxAttempts;
        this.firstRetryAfter = firstRetryAfter;
        this.longestRetryAfter = longestRetryAfter;
    }

    /** Whether a mail server is configured: without one every mail stays in the outbox, "not sent: no mail server". */
    public boolean sending() {
        return sender != null;
    }

    @Scheduled(fixedDelayString = "${ledger.mail.poll-interval}")
    void poll() {
        if (polling && sending()) {
            try {
                sendDue(clock.instant());
            } catch (RuntimeException unreachable) {
                // The database may be away; the mails wait in it and are sent at a later poll.
                LOG.warn("mails not sent this time: {}", unreachable.getMessage());
            }
        }
    }

    /** Attempts every mail due at {@code now} once, oldest first; answers how many were delivered. */
    public int sendDue(Instant now) {
        if (!sending()) {
            return 0;
        }
        int delivered = 0;
        while (true) {
            Boolean attempted = transactions.execute(status -> outbox.claimDue(now).map(mail -> attempt(mail, now)).orElse(null));
            if (attempted == null) {
                return delivered;
            }
            if (attempted) {
                delivered++;
            }
        }
    }

    private boolean attempt(Outbox.Mail mail, Instant now) {
        try {
            sender.send(message(mail));
            outbox.delivered(mail, now);
            LOG.info("mail {} ({}) delivered, Message-ID {}", mail.mailId(), mail.template(), mail.messageId());
            return true;
        } catch (RuntimeException | MessagingException failed) {
            String error = failed.toString();
            if (mail.attempts() + 1 >= maxAttempts) {
                outbox.parked(mail, now, error);
                LOG.warn("mail {} ({}) parked after {} attempts: {}", mail.mailId(), mail.template(), mail.attempts() + 1, error);
            } else {
                Instant retryAt = now.plus(backoff(mail.attempts() + 1));
                outbox.failed(mail, retryAt, error);
                LOG.warn("mail {} ({}) not delivered, trying again at {}: {}", mail.mailId(), mail.template(), retryAt, error);
            }
            return false;
        }
    }

    /** How long after the {@code failures}-th failed attempt the next one is made: doubling, up to the longest. */
    Duration backoff(int failures) {
        Duration wait = firstRetryAfter.multipliedBy(1L << Math.min(failures - 1, 30));
        return wait.compareTo(longestRetryAfter) > 0 || wait.isNegative() ? longestRetryAfter : wait;
    }

    private MimeMessage message(Outbox.Mail mail) throws MessagingException {
        MimeMessage message = new FixedIdMessage(mail.messageId());
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(from);
        helper.setTo(mail.recipients().toArray(String[]::new));
        helper.setSubject(mail.subject());
        helper.setText(mail.textBody(), mail.htmlBody());
        message.setHeader("Content-Language", mail.language());
        return message;
    }

    /** A message whose {@code Message-ID} is the outbox's, the same at every attempt, instead of a new one each time. */
    private static final class FixedIdMessage extends MimeMessage {

        private final String messageId;

        FixedIdMessage(String messageId) {
            super(Session.getInstance(new Properties()));
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
