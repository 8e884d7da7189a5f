package no.kraft.cis.api.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import no.kraft.cis.api.RequestValues;
import no.kraft.cis.customer.Customer;
import no.kraft.cis.customer.CustomerNumber;
import no.kraft.cis.customer.CustomerService;
import no.kraft.cis.customer.OrganisationNumber;
import no.kraft.cis.paymentchannel.ChannelChoice;
import no.kraft.cis.paymentchannel.PaymentChannel;
import no.kraft.cis.paymentchannel.PaymentChannels;
import no.kraft.cis.paymentchannel.PeppolParticipant;
import no.kraft.cis.paymentchannel.PeppolParticipants;
import no.kraft.cis.rule.FieldValidation;
import no.kraft.cis.rule.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Payment channels", description = "How customers receive invoices; the Peppol participant list for EHF")
@RestController
class PaymentChannelController {

    private final PaymentChannels channels;
    private final PeppolParticipants peppol;
    private final CustomerService customers;

    PaymentChannelController(PaymentChannels channels, PeppolParticipants peppol, CustomerService customers) {
        this.channels = channels;
        this.peppol = peppol;
        this.customers = customers;
    }

    @Operation(summary = "A customer's payment channel", description = "chosen=false: nobody chose one; this is the default "
            + "(EHF for an organisation in the Peppol list, else e-mail PDF when there is an address, else paper).")
    @GetMapping("/api/v1/customers/{customerNumber}/payment-channel")
    ChannelChoice get(@PathVariable String customerNumber) {
        return channels.of(customer(customerNumber));
    }

    record ChannelBody(@Schema(example = "EHF", allowableValues = {"AVTALEGIRO", "EFAKTURA", "EMAIL_PDF", "EHF", "PAPER"}) String channel) {
    }

    @Operation(summary = "Choose a customer's payment channel", description = "Customer service and admin. 409 "
            + "paymentChannel.ehfForOrganisations / notInPeppol / efakturaForPrivate / emailMissing.")
    @PutMapping("/api/v1/customers/{customerNumber}/payment-channel")
    ChannelChoice choose(@PathVariable String customerNumber, @RequestBody ChannelBody body) {
        PaymentChannel channel = FieldValidation.parse("channel",
                () -> RequestValues.oneOf(PaymentChannel.class, body.channel(), "channel.unknown"));
        return channels.choose(customer(customerNumber), channel);
    }

    @Operation(summary = "Look an organisation up in the Peppol participant list",
            description = "404 when the organisation number is not in the list as last imported.")
    @GetMapping("/api/v1/peppol-participants/{organisationNumber}")
    PeppolParticipant participant(@PathVariable String organisationNumber) {
        OrganisationNumber number = FieldValidation.parse("organisationNumber", () -> OrganisationNumber.parse(organisationNumber));
        return peppol.find(number).orElseThrow(() -> new NotFoundException("Peppol participant", number.value()));
    }

    @Operation(summary = "Import a Peppol participant list now",
            description = "Admin. The body is the list (CSV as the Peppol Directory exports it). Replaces the list as a whole; "
                    + "the same list again changes nothing (200, unchanged=true). The scheduled refresh reads "
                    + "cis.peppol.participant-list (a file or URL) the same way.")
    @PostMapping(path = "/api/v1/peppol-participant-lists", consumes = {"text/csv", "text/plain", "application/octet-stream"})
    ResponseEntity<PeppolParticipants.ImportResult> importList(InputStream body, @RequestParam(required = false) String source)
            throws IOException {
        byte[] content = body.readAllBytes();
        PeppolParticipants.ImportResult result = FieldValidation.parse("file",
                () -> peppol.importList(content, source == null ? "upload" : source));
        return ResponseEntity.status(result.unchanged() ? 200 : 201).body(result);
    }

    private Customer customer(String raw) {
        return customers.get(FieldValidation.parse("customerNumber", () -> CustomerNumber.parse(raw)));
    }
}
