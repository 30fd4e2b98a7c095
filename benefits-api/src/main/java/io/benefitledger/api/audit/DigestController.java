package io.benefitledger.api.audit;

import io.benefitledger.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Digests of the whole ledger, across partners: for the program operator, who publishes them outside the database.
 * A digest names positions and hashes, never a partner's data, so auditors may read them too, to compare with what
 * was published; verifying the whole ledger (which names the aggregate of a break) stays with the operator.
 */
@RestController
@RequestMapping("/audit/digests")
@PreAuthorize("hasRole('PROGRAM_OPERATOR')")
class DigestController {

    private final LedgerDigests digests;

    DigestController(LedgerDigests digests) {
        this.digests = digests;
    }

    @PostMapping
    ResponseEntity<LedgerDigests.Digest> take() {
        return digests.take().map(digest -> ResponseEntity.status(HttpStatus.CREATED).body(digest))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('PROGRAM_OPERATOR', 'AUDITOR')")
    List<LedgerDigests.Digest> all() {
        return digests.all();
    }

    @GetMapping("/{digestId}/verification")
    LedgerDigests.DigestVerification verify(@PathVariable long digestId) {
        return digests.verify(digestId).orElseThrow(() -> new NotFound("digest", digestId));
    }
}
