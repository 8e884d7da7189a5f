package no.kraft.cis.api.collection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import no.kraft.cis.api.RequestValues;
import no.kraft.cis.collection.ClaimRelay;
import no.kraft.cis.collection.CollectionClaims;
import no.kraft.cis.collection.Settlements;
import no.kraft.cis.rule.FieldValidation;
import no.kraft.cis.rule.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Debt collection", description = "Claims handed over to the debt-collection agency, their work items, the agency's settlement files")
@RestController
class DebtCollectionController {

    private static final int MAX_FILE_BYTES = 50 * 1024 * 1024;

    private final CollectionClaims claims;
    private final ClaimRelay relay;
    private final Settlements settlements;

    private final no.kraft.cis.collection.ClaimOutbox outbox;

    DebtCollectionController(CollectionClaims claims, ClaimRelay relay, Settlements settlements, no.kraft.cis.collection.ClaimOutbox outbox) {
        this.outbox = outbox;
        this.claims = claims;
        this.relay = relay;
        this.settlements = settlements;
    }

    private static String status(String raw, java.util.Set<String> allowed) {
        if (raw == null) {
            return null;
        }
        if (!allowed.contains(raw)) {
            FieldValidation check = new FieldValidation();
            check.reject("status", "status.unknown", "status is one of " + allowed.stream().sorted().toList());
            check.throwIfInvalid();
        }
        return raw;
    }

    @Operation(summary = "The claims sent or on their way to the agency, newest first (at most 200)",
            description = "Billing and admin. PENDING (in the outbox, retried with backoff) → SENT with the agency's case reference, "
                    + "or REFUSED (the agency's reason; a work item) or FAILED (not taken before the deadline; a work item).")
    @GetMapping("/api/v1/debt-collection/claims")
    List<CollectionClaims.CollectionClaim> list(@RequestParam(required = false) String status) {
        return claims.list(status(status, java.util.Set.of("PENDING", "SENT", "REFUSED", "FAILED")));
    }

    @Operation(summary = "The claim of an invoice handed over to debt collection, with the JSON sent to the agency")
    @GetMapping("/api/v1/invoices/{invoiceNumber}/debt-collection")
    CollectionClaims.CollectionClaim ofInvoice(@PathVariable String invoiceNumber) {
        long number = FieldValidation.parse("invoiceNumber", () -> RequestValues.number("invoiceNumber", invoiceNumber));
        return claims.ofInvoice(number).orElseThrow(() -> new NotFoundException("debt-collection claim of invoice", number));
    }

    record CollectionResendBody(@Schema(example = "postal address added to the customer") String comment) {
    }

    @Operation(summary = "Make a refused or failed claim again from the data as it is now and send it",
            description = "Billing and admin. After staff mended what the agency named (an address, a national ID): the claim's JSON "
                    + "made again (interest through today), a new idempotency key, PENDING at once; what was sent before is kept, the "
                    + "claim's open work items resolved with the comment (required). 409 collection.notResendable unless REFUSED or "
                    + "FAILED, 409 collection.nothingOpen when nothing is owed on the invoice any more.")
    @PostMapping("/api/v1/invoices/{invoiceNumber}/debt-collection/resend")
    CollectionClaims.CollectionClaim resend(@PathVariable String invoiceNumber,
            @org.springframework.web.bind.annotation.RequestBody CollectionResendBody body) {
        FieldValidation check = new FieldValidation();
        Long number = check.field("invoiceNumber", () -> RequestValues.number("invoiceNumber", invoiceNumber));
        String comment = check.required("comment", body == null ? null : body.comment(),
                () -> RequestValues.text(body.comment(), 2000));
        check.throwIfInvalid();
        outbox.resend(number, comment);
        return claims.ofInvoice(number).orElseThrow();
    }

    @Operation(summary = "Send the due claims now (the relay does it every 30 s anyway)")
    @PostMapping("/api/v1/debt-collection/claims/deliveries")
    ClaimRelay.DeliveryRound deliver() {
        return relay.sendDue(100);
    }

    @Operation(summary = "Work items: claims the agency refused or did not take before the deadline")
    @GetMapping("/api/v1/debt-collection/work-items")
    List<CollectionClaims.CollectionWorkItem> workItems(@RequestParam(required = false) String status) {
        return claims.workItems(status(status, java.util.Set.of("OPEN", "RESOLVED")));
    }

    record CollectionResolveBody(@Schema(example = "national ID added; handed over again by hand") String comment) {
    }

    @Operation(summary = "Resolve a work item with what was done", description = "409 workItem.resolved when it is already resolved.")
    @PostMapping("/api/v1/debt-collection/work-items/{id}/resolve")
    CollectionClaims.CollectionWorkItem resolve(@PathVariable String id, @org.springframework.web.bind.annotation.RequestBody CollectionResolveBody body) {
        FieldValidation check = new FieldValidation();
        Long workItem = check.field("id", () -> RequestValues.number("id", id));
        String comment = check.required("comment", body.comment(), () -> RequestValues.text(body.comment(), 2000));
        check.throwIfInvalid();
        return claims.resolve(workItem, comment);
    }

    @Operation(summary = "Import the agency's settlement file (JSON)",
            description = "Billing and admin. The format (cis debt-collection README): {fileId, agency, createdOn, lines: [{invoiceNumber, "
                    + "agencyReference, principalPaid, paidOn, status: OPEN|CLOSED|WRITTEN_OFF}]}. Checked whole first: any broken line is "
                    + "400 naming lines[i].field and the rule (settlement.notInCollection, settlement.wrongReference, settlement.paidInFuture, "
                    + "settlement.duplicateLine, amount.negative, …), nothing stored. Then stored and applied: each paying line a payment "
                    + "on the invoice (matched by its KID), each WRITTEN_OFF line writes off what is left (credit loss in the figures). "
                    + "201 for a new file; 200 with duplicate=true and the first import's figures for a file id seen before.",
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(value = """
                    {"fileId":"AG-2026-03-31-001","agency":"Kredinor","createdOn":"2026-03-31","lines":[
                     {"invoiceNumber":100042,"agencyReference":"AG-000001","principalPaid":1180.00,"paidOn":"2026-03-30","status":"CLOSED"}]}"""))))
    @PostMapping(path = "/api/v1/debt-collection/settlements", consumes = {"application/json", "application/octet-stream", "text/plain"})
    ResponseEntity<Settlements.SettlementOutcome> importSettlement(InputStream body) throws IOException {
        byte[] content = body.readNBytes(MAX_FILE_BYTES + 1);
        if (content.length > MAX_FILE_BYTES) {
            FieldValidation check = new FieldValidation();
            check.reject("file", "settlement.tooLarge", "at most " + MAX_FILE_BYTES + " bytes");
            check.throwIfInvalid();
        }
        Settlements.SettlementOutcome outcome = settlements.importFile(content);
        return ResponseEntity.status(outcome.duplicate() ? 200 : 201).body(outcome);
    }
}
