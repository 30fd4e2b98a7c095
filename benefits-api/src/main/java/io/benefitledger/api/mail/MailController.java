package io.benefitledger.api.mail;

import io.benefitledger.api.description.Refuses;
import io.benefitledger.api.web.PageNumber;
import io.benefitledger.api.web.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The operator's view of the mails: every mail decided, newest first, with what became of it; a parked mail (it
 * failed {@code ledger.mail.max-attempts} times) is retried or discarded here. The bodies are not shown: they hold
 * personal data, and are dropped once a mail is delivered or discarded.
 */
@Tag(name = "Operations")
@RestController
@RequestMapping("/operations/mail")
@PreAuthorize("hasRole('PROGRAM_OPERATOR')")
class MailController {

    /** What the operator is told of a pending mail while no mail server is configured. */
    static final String NO_MAIL_SERVER = "not sent: no mail server";

    /**
     * A mail: {@code delivery} says in words where it stands ("not sent: no mail server" while none is configured);
     * {@code attempts}, {@code nextAttemptAt} and {@code lastError} tell its retries.
     */
    record MailView(long mailId, String partnerId, String template, String language, List<String> recipients,
                    String subject, String about, Instant decidedAt, Outbox.Status status, String delivery,
                    String messageId, int attempts, Instant nextAttemptAt, String lastError, Instant sentAt) {
    }

    record Mails(List<MailView> rows, int page, int size, long total, boolean sending) {
    }

    private final Outbox outbox;
    private final MailDelivery delivery;
    private final Clock clock;

    MailController(Outbox outbox, MailDelivery delivery, Clock clock) {
        this.outbox = outbox;
        this.delivery = delivery;
        this.clock = clock;
    }

    @Operation(operationId = "listMails", summary = "The mails decided, newest first, with their delivery; `status` filters")
    @GetMapping
    Mails mails(@RequestParam(required = false) Outbox.Status status,
                @RequestParam(defaultValue = "0") @PageNumber int page,
                @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return new Mails(outbox.list(status, page, size).stream().map(this::view).toList(), page, size,
                outbox.count(status), delivery.sending());
    }

    @Operation(operationId = "readMail", summary = "One mail and its delivery")
    @GetMapping("/{mailId}")
    MailView mail(@PathVariable long mailId) {
        return view(outbox.find(mailId));
    }

    @Operation(operationId = "retryMail", summary = "Send a parked mail again, its attempts counted afresh")
    @Refuses({ProblemType.MAIL_NOT_PARKED})
    @PostMapping("/{mailId}/retry")
    @Transactional
    MailView retry(@PathVariable long mailId) {
        return view(outbox.retry(mailId, clock.instant()));
    }

    @Operation(operationId = "discardMail", summary = "Never send a parked mail; its body is dropped, the audit records it")
    @Refuses({ProblemType.MAIL_NOT_PARKED})
    @PostMapping("/{mailId}/discard")
    @Transactional
    MailView discard(@PathVariable long mailId) {
        return view(outbox.discard(mailId, clock.instant()));
    }

    private MailView view(Outbox.Mail mail) {
        return new MailView(mail.mailId(), mail.partnerId(), mail.template(), mail.language(), mail.recipients(),
                mail.subject(), mail.about(), mail.decidedAt(), mail.status(), delivery(mail), mail.messageId(),
                mail.attempts(), mail.status() == Outbox.Status.PENDING ? mail.nextAttemptAt() : null, mail.lastError(),
                mail.sentAt());
    }

    private String delivery(Outbox.Mail mail) {
        return switch (mail.status()) {
            case PENDING -> !delivery.sending() ? NO_MAIL_SERVER
                    : mail.attempts() == 0 ? "waiting to be sent" : "not delivered yet: retried after " + mail.attempts() + " failed attempts";
            case SENT -> "delivered";
            case PARKED -> "parked after " + mail.attempts() + " failed attempts: retry or discard it";
            case DISCARDED -> "discarded by the operator";
            case CANCELLED -> "cancelled: the offer expired or was withdrawn before the reminder was due";
        };
    }
}
