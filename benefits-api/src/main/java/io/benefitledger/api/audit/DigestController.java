package io.benefitledger.api.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import io.benefitledger.NotFound;
import io.benefitledger.api.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * Digests of the whole ledger, across partners: for the program operator, who publishes them outside the database.
 * A published digest is public by design: a position, a Merkle root and an instant, never a partner's data. Auditors
 * may read exactly that, to compare with what was published; how many chains it covers, and verifying the whole
 * ledger (which names the aggregate of a break), stay with the operator.
 */
@Tag(name = "Audit")
@RestController
@RequestMapping("/audit/digests")
@PreAuthorize("hasRole('PROGRAM_OPERATOR')")
class DigestController {

    private final LedgerDigests digests;

    DigestController(LedgerDigests digests) {
        this.digests = digests;
    }

    @Operation(operationId = "takeDigest", summary = "Take a digest now: a Merkle root over every chain head up to the safe position")
    @ApiResponse(responseCode = "201", description = "taken (204 when there is nothing new to cover)", useReturnTypeSchema = true)
    @PostMapping
    ResponseEntity<LedgerDigests.Digest> take() {
        return digests.take().map(digest -> ResponseEntity.status(HttpStatus.CREATED).body(digest))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    /** What is published of a digest. */
    record Published(long id, long coversPosition, String merkleRoot, Instant createdAt) {
    }

    @Operation(operationId = "listDigests", summary = "The digests taken, newest last")
    @GetMapping
    @PreAuthorize("hasAnyRole('PROGRAM_OPERATOR', 'AUDITOR')")
    List<?> all(Caller caller) {
        List<LedgerDigests.Digest> all = digests.all();
        return caller.roles().contains("PROGRAM_OPERATOR") ? all : all.stream()
                .map(digest -> new Published(digest.id(), digest.coversPosition(), digest.merkleRoot(), digest.createdAt()))
                .toList();
    }

    @Operation(operationId = "verifyDigest", summary = "Check a digest against the event store as it is now")
    @GetMapping("/{digestId}/verification")
    LedgerDigests.DigestVerification verify(@PathVariable long digestId) {
        return digests.verify(digestId).orElseThrow(() -> new NotFound("digest", digestId));
    }
}
