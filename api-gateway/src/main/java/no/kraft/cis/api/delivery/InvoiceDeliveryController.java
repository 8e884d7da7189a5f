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

    InvoiceDeliveryController(DocumentStore documents, InvoiceDeliveries deliveries) {
        this.documents = documents;
        this.deliveries = deliveries;
    }

    @Operation(summary = "The invoice or credit note as PDF/A (made once, then the stored one)",
            description = "Staff. The first call renders and stores it; every later call, and the e-mail, get the same bytes.")
    @GetMapping(value = "/api/v1/invoices/{invoiceNumber}/document", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> document(@PathVariable long invoiceNumber) {
        byte[] pdf = documents.pdf(invoiceNumber);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"faktura-" + invoiceNumber + ".pdf\"").body(pdf);
    }

    @Operation(summary = "Start the invoice's delivery now (the scheduler starts it for every issued invoice anyway)",
            description = "Customer service, billing, admin. Once per invoice: asking again returns the delivery there is. The plan is "
                    + "the customer's channels, the chosen first (e-mail with the PDF; SMS, EHF and paper are not built yet and are left "
                    + "out of plans); a customer no built channel reaches gets a FAILED delivery in the work queue at once.")
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

    @Operation(summary = "The delivery work queue: deliveries no channel could make, newest first")
    @GetMapping("/api/v1/invoice-deliveries")
    List<InvoiceDeliveries.Delivery> failed(@RequestParam(defaultValue = "100") int limit) {
        return deliveries.failed(Math.max(1, Math.min(limit, 500)));
    }

    record Round(int started, int attempted) {
    }

    @Operation(summary = "Start deliveries of issued invoices that have none, and make the due sends now (what the scheduler does "
            + "every 30 s)")
    @PostMapping("/api/v1/invoice-deliveries/due")
    Round deliverDue() {
        int started = deliveries.startNew(500);
        return new Round(started, deliveries.deliverDue(500));
    }
}
