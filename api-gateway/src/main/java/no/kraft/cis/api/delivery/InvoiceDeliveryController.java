package no.kraft.cis.api.delivery;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import no.kraft.cis.delivery.distribution.InvoiceDeliveries;
import no.kraft.cis.delivery.document.DocumentStore;
import no.kraft.cis.rule.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Invoices reach the customer: the stored document, and its delivery with every step as an event. */
@Tag(name = "Invoice delivery")
@RestController
class InvoiceDeliveryController {

    private final DocumentStore documents;
    private final InvoiceDeliveries deliveries;
    private final no.kraft.cis.delivery.distribution.PrintBatches print;
    private final no.kraft.cis.delivery.ehf.EhfInvoices ehf;

    private final String smsSecret;
    private final no.kraft.cis.audit.AuditStamp audit;

    InvoiceDeliveryController(DocumentStore documents, InvoiceDeliveries deliveries, no.kraft.cis.delivery.distribution.PrintBatches print,
            no.kraft.cis.delivery.ehf.EhfInvoices ehf, no.kraft.cis.audit.AuditStamp audit,
            @org.springframework.beans.factory.annotation.Value("${cis.invoice.sms.webhook-secret:}") String smsSecret) {
        this.audit = audit;
        this.smsSecret = smsSecret;
        this.ehf = ehf;
        this.documents = documents;
        this.deliveries = deliveries;
        this.print = print;
    }

    /** A transparent 1×1 GIF. */
    private static final byte[] PIXEL = java.util.Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    @Operation(summary = "The invoice e-mail's tracking image: fetching it records that the mail was opened",
            description = "Public (the customer's mail reader fetches it). Always the same image; an unknown token records nothing.")
    @GetMapping(value = "/t/{token}.gif", produces = MediaType.IMAGE_GIF_VALUE)
    ResponseEntity<byte[]> opened(@PathVariable String token) {
        if (token.matches("[0-9a-f-]{36}")) {
            deliveries.opened(token);
        }
        return ResponseEntity.ok().contentType(MediaType.IMAGE_GIF).header(HttpHeaders.CACHE_CONTROL, "no-store").body(PIXEL);
    }

    @Operation(summary = "The invoice behind an SMS notice's (or e-mail's) link: its PDF, and the notice counts as opened",
            description = "Public: the token in the link is the only key (a random UUID per send). 404 for an unknown one.")
    @GetMapping(value = "/i/{token}", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> link(@PathVariable String token) {
        long invoice = (token.matches("[0-9a-f-]{36}") ? deliveries.openedByLink(token) : java.util.Optional.<Long>empty())
                .orElseThrow(() -> new NotFoundException("invoice link", token));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"faktura-" + invoice + ".pdf\"").body(documents.pdf(invoice));
    }

    @Operation(summary = "The SMS gateway's delivery report for one of our notices",
            description = "Called by the gateway, authenticated with the shared secret in X-Webhook-Secret (cis.invoice.sms.webhook-secret; "
                    + "none configured: every report is refused). Delivered → an event; failed for good → the plan's next channel.")
    @PostMapping("/api/v1/sms/delivery-reports")
    ResponseEntity<?> deliveryReport(@org.springframework.web.bind.annotation.RequestHeader(name = "X-Webhook-Secret", required = false)
            String secret, @org.springframework.web.bind.annotation.RequestBody String body) {
        if (smsSecret.isBlank() || secret == null || !java.security.MessageDigest.isEqual(smsSecret.getBytes(), secret.getBytes())) {
            org.springframework.http.ProblemDetail problem = org.springframework.http.ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                    "the delivery report's X-Webhook-Secret is missing or wrong");
            problem.setTitle("Unauthorized");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        var report = no.kraft.cis.rule.FieldValidation.parse("body", () -> no.kraft.cis.delivery.sms.DeliveryReport.parse(body));
        deliveries.deliveryReport(report);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Close the open paper sends into a print batch for the print partner",
            description = "Billing, admin. 201 with the batch; 204 when nothing waits for print.")
    @PostMapping("/api/v1/print-batches")
    ResponseEntity<no.kraft.cis.delivery.distribution.PrintBatches.Batch> closeBatch(java.security.Principal caller) {
        return print.close(caller.getName()).map(b -> ResponseEntity.status(HttpStatus.CREATED).body(b))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @Operation(summary = "The print batches, newest first")
    @GetMapping("/api/v1/print-batches")
    List<no.kraft.cis.delivery.distribution.PrintBatches.Batch> batches() {
        return print.list(100);
    }

    @Operation(summary = "A print batch's file for the print partner: a zip of the PDFs and manifest.csv")
    @GetMapping(value = "/api/v1/print-batches/{id}/file", produces = "application/zip")
    ResponseEntity<byte[]> batchFile(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"print-batch-" + id + ".zip\"").body(print.file(id));
    }

    @Operation(summary = "The invoice or credit note as PDF/A (made once, then the stored one)",
            description = "Staff. The first call renders and stores it; every later call, and the e-mail, get the same bytes.")
    @GetMapping(value = "/api/v1/invoices/{invoiceNumber}/document", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> document(@PathVariable long invoiceNumber) {
        byte[] pdf = documents.pdf(invoiceNumber);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"faktura-" + invoiceNumber + ".pdf\"").body(pdf);
    }

    @Operation(summary = "The invoice or credit note as EHF 3.0 (Peppol BIS Billing 3.0, UBL 2.1), for an organisation",
            description = "Staff. Made once and validated with the official Peppol rules (EN 16931, Peppol, the Norwegian NO-R rules) "
                    + "before it is stored; then the stored one. 409 ehf.buyer for a person's invoice; 409 ehf.invalid naming the "
                    + "rules a document breaks (it is not stored and does not leave).")
    @GetMapping(value = "/api/v1/invoices/{invoiceNumber}/ehf", produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<byte[]> ehf(@PathVariable long invoiceNumber) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"ehf-" + invoiceNumber + ".xml\"").body(ehf.ehf(invoiceNumber));
    }

    @Operation(summary = "Start the invoice's delivery now (the scheduler starts it for every issued invoice anyway)",
            description = "Customer service, billing, admin. Once per invoice: asking again returns the delivery there is. The plan is "
                    + "the customer's channels, the chosen first: EHF through the Peppol access point for an organisation in the Peppol "
                    + "list, e-mail with the PDF, then paper (the print batch) when the customer has "
                    + "a postal address (SMS is not built yet and is left out of plans); an e-mail refused, failing past its "
                    + "deadline or not opened within cis.invoice.delivery.open-within goes on to the next; a customer no channel "
                    + "reaches gets a FAILED delivery in the work queue.")
    @PostMapping("/api/v1/invoices/{invoiceNumber}/deliveries")
    @ResponseStatus(HttpStatus.ACCEPTED)
    InvoiceDeliveries.Delivery start(@PathVariable long invoiceNumber) {
        return deliveries.start(invoiceNumber);
    }

    @Operation(summary = "The invoice's delivery: its plan of channels, where it stands, and every event (queued, sent, retry, failed, "
            + "fallback)")
    @GetMapping("/api/v1/invoices/{invoiceNumber}/deliveries")
    InvoiceDeliveries.Delivery get(@PathVariable long invoiceNumber) {
        return deliveries.get(invoiceNumber).orElseThrow(() -> new NotFoundException("delivery of invoice", invoiceNumber));
    }

    @Operation(summary = "The delivery work queue, the most recently changed first",
            description = "status FAILED (default: no channel of the plan reached the customer — the last events say why, e.g. a "
                    + "bounce with no channel left), WAITING (the channel in use fails for now and is retried until its deadline, the "
                    + "last RETRY event says why), RESOLVED (closed by a person). 400 status delivery.queueStatus.")
    @GetMapping("/api/v1/invoice-deliveries")
    List<InvoiceDeliveries.Delivery> failed(@RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "FAILED") @io.swagger.v3.oas.annotations.Parameter(
                    schema = @io.swagger.v3.oas.annotations.media.Schema(allowableValues = {"FAILED", "WAITING", "RESOLVED"})) String status) {
        InvoiceDeliveries.QueueStatus s = no.kraft.cis.rule.FieldValidation.parse("status",
                () -> no.kraft.cis.api.RequestValues.oneOf(InvoiceDeliveries.QueueStatus.class, status, "delivery.queueStatus"));
        return deliveries.queue(s, Math.max(1, Math.min(limit, 500)));
    }

    @Operation(summary = "Send a failed delivery again (after the customer's contact details were put right)",
            description = "Customer service, billing, admin. A new plan from the customer's channels as they are now, after the "
                    + "steps taken (never sent again), its first channel queued now; event RETRIED with who. 404 no delivery; 409 "
                    + "delivery.notFailed (only a FAILED delivery), delivery.noChannel (the customer still has no channel).")
    @PostMapping("/api/v1/invoices/{invoiceNumber}/deliveries/retry")
    InvoiceDeliveries.Delivery retry(@PathVariable long invoiceNumber) {
        return deliveries.retry(invoiceNumber, audit.actor());
    }

    record ResolveBody(@io.swagger.v3.oas.annotations.media.Schema(example = "Faktura levert i hånden på kundesenteret",
            description = "required, 1–500 characters") String comment) {
    }

    @Operation(summary = "Close a failed delivery by hand, with a comment on what was done",
            description = "Customer service, billing, admin. RESOLVED, out of the work queue; event RESOLVED with who and the comment. "
                    + "400 comment required; 404 no delivery; 409 delivery.notFailed.")
    @PostMapping("/api/v1/invoices/{invoiceNumber}/deliveries/resolve")
    InvoiceDeliveries.Delivery resolve(@PathVariable long invoiceNumber,
            @org.springframework.web.bind.annotation.RequestBody(required = false) ResolveBody body) {
        String raw = body == null ? null : body.comment();
        String comment = no.kraft.cis.rule.FieldValidation.parse("comment", () -> {
            if (raw == null || raw.isBlank()) {
                throw new no.kraft.cis.rule.InvalidValueException("required", "a comment on what was done is required");
            }
            return no.kraft.cis.api.RequestValues.text(raw.trim(), 500);
        });
        return deliveries.resolve(invoiceNumber, comment, audit.actor());
    }

    record Round(int started, int attempted) {
    }

    @Operation(summary = "Start deliveries of issued invoices that have none, apply bounces and unopened e-mails, and make the due sends "
            + "now (what the scheduler does every 30 s)")
    @PostMapping("/api/v1/invoice-deliveries/due")
    Round deliverDue() {
        int started = deliveries.startNew(500);
        deliveries.readBounces();
        deliveries.checkUnopened();
        return new Round(started, deliveries.deliverDue(500));
    }
}
