package io.benefitledger.api.mail;

import io.benefitledger.api.web.PageNumber;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Who of a partner was told what, and when: each mail delivered, and each that finally failed (parked, discarded),
 * with its Message-ID, recipients, template, language and subject. The bodies are not kept (see {@link Outbox}).
 */
@Tag(name = "Audit")
@RestController
@RequestMapping("/partners/{partnerId}/audit/mails")
@PreAuthorize("hasAnyRole('AUDITOR', 'GLOBAL_ADMIN')")
class MailAuditController {

    record Deliveries(List<Outbox.Delivery> rows, int page, int size, long total) {
    }

    private final Outbox outbox;

    MailAuditController(Outbox outbox) {
        this.outbox = outbox;
    }

    @Operation(operationId = "listMailDeliveries",
            summary = "The partner's mails delivered or finally failed, newest first: who was told what, when")
    @GetMapping
    Deliveries deliveries(@PathVariable String partnerId,
                          @RequestParam(defaultValue = "0") @PageNumber int page,
                          @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return new Deliveries(outbox.deliveries(partnerId, page, size), page, size, outbox.countDeliveries(partnerId));
    }
}
