package no.kraft.cis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import no.kraft.cis.delivery.document.DocumentProduction;
import no.kraft.cis.invoice.Invoice;
import no.kraft.cis.invoice.Invoices;
import no.kraft.cis.security.Role;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The nightly documents (issue 19): every issued invoice without a PDF gets its PDF, an organisation in the Peppol list
 * that takes invoices its EHF too (validated), stored once; what the API serves afterwards is the stored document, and
 * the next round makes nothing again.
 */
class InvoiceDocumentProductionTest extends InvoicingApiTest {

    @Autowired
    DocumentProduction production;

    @Test
    void theNightMakesEachInvoicesPdfAndTheEhfWhereDueOnce() throws Exception {
        String inPeppol = TestData.organisationNumber();
        String csv = """
                "Participant ID";"Names";"Country code";"Document types"
                "iso6523-actorid-upis::0192:%s";"Nattbakeriet AS";"NO";"busdox-docid-qns::urn:oasis:names:specification:ubl:schema:xsd:Invoice-2::Invoice##urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0::2.1"
                """.formatted(inPeppol);
        assertThat(api.postText(Role.ADMIN, "/api/v1/peppol-participant-lists?source=test", "text/csv", csv).status()).isLessThan(300);
        long bakery = invoicing.organisation(inPeppol, "Nattbakeriet AS");
        long shop = invoicing.organisation(TestData.organisationNumber(), "Utenpeppol AS");
        long person = invoicing.person("Natta", "Nattlig", null);
        YearMonth march = YearMonth.of(2026, 3);
        Invoice forBakery = invoicing.invoice(bakery, march, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 20), "1600.00", "400.00");
        Invoice forShop = invoicing.invoice(shop, march, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 20), "80.00", "20.00");
        Invoice forPerson = invoicing.invoice(person, march, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 20), "40.00", "10.00");

        DocumentProduction.Result night = production.produceMissing();
        assertThat(night.invoices()).isGreaterThanOrEqualTo(3);
        assertThat(formats(forBakery)).isEqualTo("EHF,PDF");
        assertThat(formats(forShop)).isEqualTo("PDF");
        assertThat(formats(forPerson)).isEqualTo("PDF");

        // the API gives the stored bytes; the PDF is the invoice's
        byte[] stored = jdbc.sql("select content from invoice_document where invoice_id = :id and format = 'PDF'").param("id", forBakery.id())
                .query(byte[].class).single();
        Api.Download pdf = api.download(Role.CUSTOMER_SERVICE, "/api/v1/invoices/" + forBakery.invoiceNumber() + "/document");
        assertThat(pdf.body()).isEqualTo(stored);
        try (var doc = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Faktura " + forBakery.invoiceNumber()).contains("2\u00a0000,00");
        }
        Api.Download ehf = api.download(Role.CUSTOMER_SERVICE, "/api/v1/invoices/" + forBakery.invoiceNumber() + "/ehf");
        assertThat(ehf.body()).isEqualTo(jdbc.sql("select content from invoice_document where invoice_id = :id and format = 'EHF'")
                .param("id", forBakery.id()).query(byte[].class).single());
        assertThat(new String(ehf.body(), java.nio.charset.StandardCharsets.UTF_8)).contains(">" + inPeppol + "<").contains("2000.00");

        DocumentProduction.Result again = production.produceMissing();
        // (an invoice of another test whose document cannot be made is tried again each night: none of ours)
        assertThat(again.pdfs() + again.ehfs()).isZero();
        assertThat(formats(forBakery)).isEqualTo("EHF,PDF");
    }

    private String formats(Invoice invoice) {
        return jdbc.sql("select string_agg(format, ',' order by format) from invoice_document where invoice_id = :id")
                .param("id", invoice.id()).query(String.class).single();
    }
}
