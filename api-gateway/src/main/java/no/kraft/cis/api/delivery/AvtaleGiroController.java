package no.kraft.cis.api.delivery;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import no.kraft.cis.customer.Customer;
import no.kraft.cis.customer.CustomerNumber;
import no.kraft.cis.customer.CustomerService;
import no.kraft.cis.delivery.avtalegiro.AvtaleGiro;
import no.kraft.cis.rule.FieldValidation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** AvtaleGiro with Nets: mandate files in, claim files out; the payments come back through the OCR payment import. */
@Tag(name = "Invoice delivery")
@RestController
class AvtaleGiroController {

    private static final int MAX_FILE_BYTES = 20 * 1024 * 1024;

    private final AvtaleGiro avtaleGiro;
    private final CustomerService customers;

    AvtaleGiroController(AvtaleGiro avtaleGiro, CustomerService customers) {
        this.avtaleGiro = avtaleGiro;
        this.customers = customers;
    }

    @Operation(summary = "Import a mandate file from Nets (AvtaleGiro mandates, transaction type 94)",
            description = "Billing, admin. The file as Nets sends it (80-character records, ISO-8859-1). 400 avtaleGiro.* naming the "
                    + "line and the rule for a broken file, nothing stored. Mandates whose agreement KID names no customer of ours "
                    + "are reported in unknownKids.")
    @PostMapping(path = "/api/v1/avtalegiro/mandate-files", consumes = {"text/plain", "application/octet-stream"})
    AvtaleGiro.ImportResult importMandates(InputStream body, Principal caller) throws IOException {
        byte[] content = body.readNBytes(MAX_FILE_BYTES + 1);
        if (content.length > MAX_FILE_BYTES) {
            throw no.kraft.cis.rule.ValidationFailedException.of("file", "file.tooLarge", "at most " + MAX_FILE_BYTES + " bytes");
        }
        return FieldValidation.parse("file", () -> avtaleGiro.importMandates(content, caller.getName()));
    }

    record CustomerAvtaleGiro(String agreementKid, List<AvtaleGiro.MandateView> mandates) {
    }

    @Operation(summary = "The customer's AvtaleGiro: the agreement KID to give the bank, and the mandates Nets reported")
    @GetMapping("/api/v1/customers/{customerNumber}/avtalegiro")
    CustomerAvtaleGiro ofCustomer(@PathVariable String customerNumber) {
        Customer customer = customers.get(FieldValidation.parse("customerNumber", () -> CustomerNumber.parse(customerNumber)));
        return new CustomerAvtaleGiro(AvtaleGiro.agreementKid(customer.number().value()).value(), avtaleGiro.mandates(customer.id()));
    }

    record ClaimFileBody(LocalDate dueFrom, LocalDate dueTo) {
    }

    @Operation(summary = "Make the claim file for Nets: the invoices due in [dueFrom, dueTo] of customers with an active mandate",
            description = "Billing, admin. 201 with the file's claims and sum; 204 when nothing is due. No invoice is ever claimed "
                    + "twice; a payer who wants the bank's notice gets transaction type 21 with the invoice's lines, the others 02. The "
                    + "file also withdraws (deletion, transaction type 93) every claim sent before whose invoice has since been "
                    + "credited, while Nets can still stop it (by 14:00 the day before its due date).")
    @PostMapping("/api/v1/avtalegiro/claim-files")
    ResponseEntity<AvtaleGiro.Transmission> claimFile(@RequestBody ClaimFileBody body, Principal caller) {
        FieldValidation check = new FieldValidation();
        check.required("dueFrom", body.dueFrom(), body::dueFrom);
        check.required("dueTo", body.dueTo(), body::dueTo);
        check.throwIfInvalid();
        return avtaleGiro.claimFile(body.dueFrom(), body.dueTo(), caller.getName())
                .map(t -> ResponseEntity.status(HttpStatus.CREATED).body(t)).orElseGet(() -> ResponseEntity.noContent().build());
    }

    @Operation(summary = "A claim file as sent to Nets (ISO-8859-1)")
    @GetMapping(value = "/api/v1/avtalegiro/claim-files/{id}", produces = "text/plain")
    ResponseEntity<byte[]> file(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/plain; charset=ISO-8859-1"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"avtalegiro-" + id + ".txt\"").body(avtaleGiro.file(id));
    }
}
