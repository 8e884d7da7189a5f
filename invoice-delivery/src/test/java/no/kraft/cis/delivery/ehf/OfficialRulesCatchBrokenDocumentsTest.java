package no.kraft.cis.delivery.ehf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.EndpointIDType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.IssueDateType;
import oasis.names.specification.ubl.schema.xsd.invoice_21.InvoiceType;
import org.junit.jupiter.api.Test;

/**
 * A valid invoice is built, then broken in its UBL object, and the official rules must say which rule it breaks. The
 * rule ids asserted are the ones the rule set reported when these tests were written (Peppol 2025.11).
 */
class OfficialRulesCatchBrokenDocumentsTest {

    private final EhfValidator validator = EhfValidator.shared();

    private static InvoiceType invoice() {
        return EhfDocuments.invoice(EhfTestData.powerInvoice());
    }

    private EhfValidation validate(InvoiceType invoice) {
        return validator.validate(EhfDocuments.xml(invoice));
    }

    @Test
    void theUnbrokenInvoicePasses() {
        assertThat(validate(invoice()).failures()).isEmpty();
    }

    @Test
    void aMissingBuyerEndpointBreaksPeppolR010() {
        InvoiceType invoice = invoice();
        invoice.getAccountingCustomerParty().getParty().setEndpointID((EndpointIDType) null);

        EhfValidation validation = validate(invoice);

        assertThat(validation.valid()).isFalse();
        assertThat(validation.failures()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("PEPPOL-EN16931-R010");
            assertThat(f.severity()).isEqualTo(FailedRule.Severity.ERROR);
            assertThat(f.text()).isEqualTo("Buyer electronic address MUST be provided");
            assertThat(f.location()).endsWith("/cac:AccountingCustomerParty[1]/cac:Party[1]");
        });
    }

    @Test
    void aVatTotalOneOreOffTheBreakdownBreaksBrCo14AndBrCo15() {
        InvoiceType invoice = invoice();
        invoice.getTaxTotal().getFirst().getTaxAmount().setValue(new BigDecimal("214.36"));

        EhfValidation validation = validate(invoice);

        assertThat(validation.valid()).isFalse();
        // BR-CO-14: total VAT = Σ category VAT; BR-CO-15: total with VAT = total without VAT + total VAT
        assertThat(validation.failedRuleIds()).containsExactlyInAnyOrder("BR-CO-14", "BR-CO-15");
        assertThat(validation.errors()).allSatisfy(f -> assertThat(f.text()).startsWith("[" + f.ruleId() + "]"));
    }

    @Test
    void aVatBreakdownTwoKronerOffBaseTimesRateBreaksBrCo17AndBrS09() {
        InvoiceType invoice = invoice();
        // 857.41 × 25 % = 214.35; say 216.35 everywhere so that only the breakdown's arithmetic is wrong
        setVat(invoice, "216.35", "1073.76");

        assertThat(validate(invoice).failedRuleIds()).containsExactlyInAnyOrder("BR-CO-17", "BR-S-09");
    }

    @Test
    void theRulesTolerateUpToOneKroneInTheVatBreakdownSoTheyDoNotCheckOurVatToTheOre() {
        InvoiceType invoice = invoice();
        // 50 øre too much VAT, consistently: BR-CO-17 and BR-S-09 allow ±1 NOK against base × rate
        setVat(invoice, "214.85", "1072.26");

        assertThat(validate(invoice).failures()).isEmpty();
    }

    @Test
    void aSellerVatIdWithAWrongCheckDigitBreaksNorwegianRuleNoR001() {
        InvoiceType invoice = invoice();
        invoice.getAccountingSupplierParty().getParty().getPartyTaxScheme().getFirst().setCompanyID("NO812345673MVA");

        assertThat(validate(invoice).failedRuleIds()).containsExactly("NO-R-001");
    }

    @Test
    void withoutForetaksregisteretNorwegianRuleNoR002OnlyWarnsAndTheInvoiceStaysValid() {
        InvoiceType invoice = invoice();
        invoice.getAccountingSupplierParty().getParty().getPartyTaxScheme().removeIf(s -> s.getTaxScheme().getIDValue().equals("TAX"));

        EhfValidation validation = validate(invoice);

        assertThat(validation.valid()).isTrue();
        assertThat(validation.errors()).isEmpty();
        assertThat(validation.warnings()).extracting(FailedRule::ruleId).containsExactly("NO-R-002");
    }

    @Test
    void aDocumentThatIsNotUblAtAllIsRefused() {
        byte[] order = "<Order xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Order-2\"/>".getBytes();

        assertThatThrownBy(() -> validator.validate(order))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("not a UBL Invoice or CreditNote: <Order>");
    }

    @Test
    void aSchemaFaultIsReportedAsAFailureWithoutARuleId() {
        InvoiceType invoice = invoice();
        invoice.setIssueDate((IssueDateType) null);

        EhfValidation validation = validate(invoice);

        assertThat(validation.valid()).isFalse();
        assertThat(validation.errors()).first().satisfies(f -> {
            assertThat(f.ruleId()).isEmpty();
            assertThat(f.text()).contains("IssueDate");
        });
    }

    private static void setVat(InvoiceType invoice, String vat, String total) {
        invoice.getTaxTotal().getFirst().getTaxSubtotal().getFirst().getTaxAmount().setValue(new BigDecimal(vat));
        invoice.getTaxTotal().getFirst().getTaxAmount().setValue(new BigDecimal(vat));
        invoice.getLegalMonetaryTotal().getTaxInclusiveAmount().setValue(new BigDecimal(total));
        invoice.getLegalMonetaryTotal().getPayableAmount().setValue(new BigDecimal(total));
    }
}
