package io.benefitledger.api.refusals;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import io.benefitledger.partner.PartnerId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.jdbc.core.JdbcTemplate;
import io.benefitledger.api.security.Rights;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * The audit of refusals: a partner's refused commands, newest first, for its auditors and its Global admin (like
 * the rest of its audit). Apart from the event history: a refusal changed nothing.
 */
@Tag(name = "Audit")
@RestController
@PreAuthorize(Rights.AUDIT)
class RefusalsController {

    private final JdbcTemplate jdbc;

    RefusalsController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A refused command: who (the token's user and partner), what (method, endpoint, the aggregate its path named),
     * when, through which request, and why (the problem type and status).
     */
    record Refusal(long refusalId, Instant refusedAt, String actingUser, String actingPartner, String method, String path,
                   String aggregate, String requestId, int status, String problemType) {
    }

    record Refusals(List<Refusal> rows, int page, int size, long total) {
    }

    @Operation(operationId = "listRefusals", summary = "The partner's refused commands, newest first: who, what, when, why")
    @GetMapping("/partners/{partnerId}/refusals")
    Refusals refusals(@PathVariable String partnerId,
                      @RequestParam(defaultValue = "0") @Min(0) int page,
                      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        String partner = new PartnerId(partnerId).value();
        List<Refusal> rows = jdbc.query("""
                        select refusal_id, refused_at, acting_user, acting_partner, method, path, aggregate_id, request_id,
                               status, problem_type
                        from command_refusal where partner_id = ?
                        order by refused_at desc, refusal_id desc offset ? limit ?""",
                (row, index) -> new Refusal(row.getLong(1), row.getTimestamp(2).toInstant(), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getString(7), row.getString(8), row.getInt(9), row.getString(10)),
                partner, (long) page * size, size);
        long total = jdbc.queryForObject("select count(*) from command_refusal where partner_id = ?", Long.class, partner);
        return new Refusals(rows, page, size, total);
    }
}
