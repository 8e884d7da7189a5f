package no.kraft.cis.api.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import no.kraft.cis.api.Pages;
import no.kraft.cis.api.RequestValues;
import no.kraft.cis.customer.CustomerNumber;
import no.kraft.cis.payment.ImportOutcome;
import no.kraft.cis.payment.PaymentImport;
import no.kraft.cis.payment.PaymentQueue;
import no.kraft.cis.payment.PaymentView;
import no.kraft.cis.rule.FieldValidation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Payments", description = "Incoming payments: bank files (OCR giro, camt.054), KID matching, manual-matching queue")
@RestController
class PaymentController {

    /** A month of OCR or camt.054 for a large retailer is a few MB; refuse anything absurd before parsing. */
    static final int MAX_FILE_BYTES = 64 * 1024 * 1024;

    private final PaymentImport imports;
    private final PaymentQueue queue;

    PaymentController(PaymentImport imports, PaymentQueue queue) {
        this.imports = imports;
        this.queue = queue;
    }

    @Operation(summary = "Import a bank file of incoming payments (OCR giro or camt.054; the format is recognised)",
            description = "Billing and admin. All or nothing. Each payment is matched on its KID; a mistyped or missing KID is "
                    + "matched when amount and payer point at exactly one unpaid invoice; the rest is queued. 201 for a new file; "
                    + "200 with duplicate=true and the first import's figures for a file seen before (same bytes or bank message "
                    + "id) — nothing changes. A malformed file: 400 naming field 'file' and the rule.")
    @PostMapping(path = "/api/v1/payment-files", consumes = {"text/plain", "application/xml", "text/xml", "application/octet-stream"})
    ResponseEntity<ImportOutcome> importFile(InputStream body, @RequestParam(required = false) String fileName) throws IOException {
        byte[] content = body.readNBytes(MAX_FILE_BYTES + 1);
        FieldValidation check = new FieldValidation();
        if (content.length > MAX_FILE_BYTES) {
            check.reject("file", "paymentFile.tooLarge", "at most " + MAX_FILE_BYTES + " bytes");
        }
        if (fileName != null && fileName.length() > 200) {
            check.reject("fileName", "text.tooLong", "at most 200 characters");
        }
        check.throwIfInvalid();
        ImportOutcome outcome = FieldValidation.parse("file", () -> imports.importFile(content, fileName));
        return ResponseEntity.status(outcome.duplicate() ? 200 : 201).body(outcome);
    }

    @Operation(summary = "The manual-matching queue, oldest first, each payment with up to five suggested invoices",
            description = "Suggestions are scored: a KID one typo away (4), the same amount (3), a payer account seen before (3), "
                    + "the payer's name (2), a KID two typos away (2).")
    @GetMapping("/api/v1/payment-queue")
    PaymentQueue.QueuePage waiting(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Pages pages = Pages.of(page, size);
        return queue.waiting(pages.page(), pages.size());
    }

    @Operation(summary = "A payment")
    @GetMapping("/api/v1/payments/{paymentId}")
    PaymentView get(@PathVariable String paymentId) {
        return queue.get(id(paymentId));
    }

    record MatchBody(@Schema(example = "100042") Long invoiceNumber,
            @Schema(example = "1000001", description = "without an invoice: the payment goes on the customer's account") String customerNumber) {
    }

    @Operation(summary = "Match a queued payment by hand", description = "To an invoice (the customer follows) or to a customer's "
            + "account. 409 payment.alreadyMatched; 404 unknown invoice or customer.")
    @PostMapping("/api/v1/payments/{paymentId}/match")
    PaymentView match(@PathVariable String paymentId, @RequestBody MatchBody body) {
        long id = id(paymentId);
        FieldValidation check = new FieldValidation();
        CustomerNumber customer = check.optional("customerNumber", body.customerNumber(), () -> CustomerNumber.parse(body.customerNumber()));
        if (body.invoiceNumber() == null && customer == null && !check.hasViolations()) {
            check.reject("invoiceNumber", "required", "give the invoiceNumber, or the customerNumber for a payment on account");
        }
        check.throwIfInvalid();
        return queue.match(id, body.invoiceNumber(), customer == null ? null : customer.value());
    }

    private static long id(String raw) {
        return FieldValidation.parse("paymentId", () -> RequestValues.number("paymentId", raw));
    }
}
