package no.kraft.cis.delivery.ehf;

import static no.kraft.cis.delivery.ehf.EhfTestData.BUYER_ORGNR;
import static no.kraft.cis.delivery.ehf.EhfTestData.INVOICE;
import static no.kraft.cis.delivery.ehf.EhfTestData.NET;
import static no.kraft.cis.delivery.ehf.EhfTestData.POINT_1;
import static no.kraft.cis.delivery.ehf.EhfTestData.POINT_2;
import static no.kraft.cis.delivery.ehf.EhfTestData.SELLER_ORGNR;
import static no.kraft.cis.delivery.ehf.EhfTestData.TOTAL;
import static no.kraft.cis.delivery.ehf.EhfTestData.VAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.helger.ubl21.UBL21Marshaller;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import no.kraft.cis.delivery.document.InvoiceDocument;
import no.kraft.cis.invoice.Kid;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CreditNoteLineType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.InvoiceLineType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.MonetaryTotalType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxTotalType;
import oasis.names.specification.ubl.schema.xsd.creditnote_21.CreditNoteType;
import oasis.names.specification.ubl.schema.xsd.invoice_21.InvoiceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EhfDocumentsTest {

    private final EhfDocuments ehf = new EhfDocuments();

    @Test
    void aPowerInvoiceForTwoMeteringPointsIsAValidEhfInvoiceWhoseTotalsReadBackAsComputedByHand() {
        EhfDocument document = ehf.render(EhfTestData.powerInvoice());

        assertThat(document.validation().valid()).isTrue();
        assertThat(document.validation().failures()).isEmpty();
        assertThat(document.validation().ruleSet()).isEqualTo("eu.peppol.bis3:invoice:" + EhfValidator.RULE_SET_VERSION);

        InvoiceType read = UBL21Marshaller.invoice().read(document.xml());
        assertThat(read.getInvoiceTypeCodeValue()).isEqualTo("380");
        assertThat(read.getIDValue()).isEqualTo(Long.toString(INVOICE));
        assertThat(read.getDocumentCurrencyCodeValue()).isEqualTo("NOK");
        assertTotals(read.getLegalMonetaryTotal(), read.getTaxTotal(), NET, VAT, TOTAL);
        assertThat(read.getInvoiceLine()).hasSize(8);
        assertThat(read.getInvoiceLine().stream().map(InvoiceLineType::getLineExtensionAmountValue).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(NET);
    }

    @Test
    void theInvoiceCarriesBisBilling3AndTheNorwegianIdentifiers() {
        InvoiceType read = UBL21Marshaller.invoice().read(ehf.render(EhfTestData.powerInvoice()).xml());

        assertThat(read.getCustomizationIDValue()).isEqualTo("urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0");
        assertThat(read.getProfileIDValue()).isEqualTo("urn:fdc:peppol.eu:2017:poacc:billing:01:1.0");
        PartyType seller = read.getAccountingSupplierParty().getParty();
        assertThat(seller.getEndpointID().getSchemeID()).isEqualTo("0192");
        assertThat(seller.getEndpointIDValue()).isEqualTo(SELLER_ORGNR);
        assertThat(seller.getPartyTaxScheme()).extracting(s -> s.getCompanyIDValue() + "/" + s.getTaxScheme().getIDValue())
                .containsExactly("NO812345672MVA/VAT", "Foretaksregisteret/TAX");
        assertThat(seller.getPartyLegalEntity().getFirst().getCompanyID().getSchemeID()).isEqualTo("0192");
        PartyType buyer = read.getAccountingCustomerParty().getParty();
        assertThat(buyer.getEndpointID().getSchemeID()).isEqualTo("0192");
        assertThat(buyer.getEndpointIDValue()).isEqualTo(BUYER_ORGNR);
        assertThat(buyer.getPartyIdentification().getFirst().getIDValue()).isEqualTo("1234567");
        var means = read.getPaymentMeans().getFirst();
        assertThat(means.getPaymentMeansCodeValue()).isEqualTo("30");
        assertThat(means.getPaymentID().getFirst().getValue()).isEqualTo(Kid.of(1_234_567, INVOICE).value());
        assertThat(means.getPayeeFinancialAccount().getIDValue()).isEqualTo("86011117947");
        // our periods are half-open; UBL's end date is the last day
        assertThat(read.getInvoicePeriod().getFirst().getStartDate().getValueLocal()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(read.getInvoicePeriod().getFirst().getEndDate().getValueLocal()).isEqualTo(LocalDate.of(2026, 10, 31));
    }

    @Test
    void eachLineNamesItsMeteringPointAndPeriod() {
        InvoiceType read = UBL21Marshaller.invoice().read(ehf.render(EhfTestData.powerInvoice()).xml());

        assertThat(read.getInvoiceLine()).extracting(l -> l.getDocumentReference().getFirst().getIDValue())
                .containsExactly(POINT_1, POINT_1, POINT_1, POINT_1, POINT_2, POINT_2, POINT_2, POINT_2);
        InvoiceLineType first = read.getInvoiceLine().getFirst();
        assertThat(first.getDocumentReference().getFirst().getID().getSchemeID()).isEqualTo("AVE");
        assertThat(first.getDocumentReference().getFirst().getDocumentTypeCodeValue()).isEqualTo("130");
        assertThat(first.getNote().getFirst().getValue()).isEqualTo("Målepunkt " + POINT_1 + ", Solveien 10, 0470 Oslo");
        assertThat(first.getInvoicePeriod().getFirst().getEndDate().getValueLocal()).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(first.getItem().getSellersItemIdentification().getIDValue()).isEqualTo("SPOT");
        assertThat(first.getInvoicedQuantity().getUnitCode()).isEqualTo("KWH");
        assertThat(read.getInvoiceLine().get(2).getInvoicedQuantity().getUnitCode()).isEqualTo("DAY");
    }

    @Test
    void theNorgesprisLineIsANegativeQuantityAtAPositivePrice() {
        InvoiceType read = UBL21Marshaller.invoice().read(ehf.render(EhfTestData.powerInvoice()).xml());

        // BR-27 forbids a negative price: 1 234.567 kWh × −0.473215 becomes −1 234.567 kWh × 0.473215, still −584.22
        InvoiceLineType norgespris = read.getInvoiceLine().get(3);
        assertThat(norgespris.getItem().getNameValue()).isEqualTo("Norgespris");
        assertThat(norgespris.getInvoicedQuantityValue()).isEqualByComparingTo("-1234.567");
        assertThat(norgespris.getPrice().getPriceAmountValue()).isEqualByComparingTo("0.473215");
        assertThat(norgespris.getLineExtensionAmountValue()).isEqualByComparingTo("-584.22");
        assertThat(norgespris.getItem().getClassifiedTaxCategory().getFirst().getIDValue()).isEqualTo("S");
        assertThat(norgespris.getItem().getClassifiedTaxCategory().getFirst().getPercentValue()).isEqualByComparingTo("25");
    }

    @Test
    void theCreditNoteIsValidNamesTheCreditedInvoiceAndStatesTheCreditedAmountsPositively() {
        EhfDocument document = ehf.render(EhfTestData.creditNote());

        assertThat(document.validation().valid()).isTrue();
        assertThat(document.validation().failures()).isEmpty();
        assertThat(document.validation().ruleSet()).isEqualTo("eu.peppol.bis3:creditnote:" + EhfValidator.RULE_SET_VERSION);
        CreditNoteType read = UBL21Marshaller.creditNote().read(document.xml());
        assertThat(read.getCreditNoteTypeCodeValue()).isEqualTo("381");
        assertThat(read.getIDValue()).isEqualTo(Long.toString(EhfTestData.CREDIT_NOTE));
        assertThat(read.getBillingReference()).singleElement()
                .satisfies(b -> assertThat(b.getInvoiceDocumentReference().getIDValue()).isEqualTo(Long.toString(INVOICE)));
        assertTotals(read.getLegalMonetaryTotal(), read.getTaxTotal(), NET, VAT, TOTAL);
        assertThat(read.getPaymentMeans()).isEmpty();
        assertThat(read.getPaymentTerms().getFirst().getNote().getFirst().getValue()).isEqualTo("Krediterer faktura 10042.");
        // the issued credit note has −1 234.567 kWh at 0.873215 = −1 078.04; credited: 1 234.567 kWh, 1 078.04
        CreditNoteLineType spot = read.getCreditNoteLine().getFirst();
        assertThat(spot.getCreditedQuantityValue()).isEqualByComparingTo("1234.567");
        assertThat(spot.getLineExtensionAmountValue()).isEqualByComparingTo("1078.04");
        CreditNoteLineType norgespris = read.getCreditNoteLine().get(3);
        assertThat(norgespris.getCreditedQuantityValue()).isEqualByComparingTo("-1234.567");
        assertThat(norgespris.getPrice().getPriceAmountValue()).isEqualByComparingTo("0.473215");
        assertThat(norgespris.getLineExtensionAmountValue()).isEqualByComparingTo("-584.22");
    }

    @Test
    void zeroRatedPowerIsVatCategoryZAndValid() {
        EhfDocument document = ehf.render(EhfTestData.zeroRatedInvoice());

        assertThat(document.validation().failures()).isEmpty();
        InvoiceType read = UBL21Marshaller.invoice().read(document.xml());
        assertThat(read.getTaxTotal().getFirst().getTaxSubtotal()).singleElement().satisfies(s -> {
            assertThat(s.getTaxCategory().getIDValue()).isEqualTo("Z");
            assertThat(s.getTaxCategory().getPercentValue()).isEqualByComparingTo("0");
            assertThat(s.getTaxableAmountValue()).isEqualByComparingTo("315.00");
            assertThat(s.getTaxAmountValue()).isEqualByComparingTo("0.00");
        });
        assertThat(read.getLegalMonetaryTotal().getPayableAmountValue()).isEqualByComparingTo("315.00");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void aBuyerWithoutAnOrganisationNumberCannotGetEhf(String organisationNumber) {
        InvoiceDocument toAPerson = EhfTestData.powerInvoice(EhfTestData.buyer(organisationNumber));

        assertThatThrownBy(() -> ehf.render(toAPerson))
                .isInstanceOf(BuyerHasNoOrganisationNumber.class)
                .hasMessageContaining("customer 1234567 has no organisation number")
                .hasMessageContaining("10042");
    }

    @Test
    void theBuyersPrintedOrganisationNumberIsReducedToItsNineDigits() {
        InvoiceDocument printed = EhfTestData.powerInvoice(EhfTestData.buyer("NO 987 654 325 MVA"));

        InvoiceType read = UBL21Marshaller.invoice().read(ehf.render(printed).xml());

        assertThat(read.getAccountingCustomerParty().getParty().getEndpointIDValue()).isEqualTo(BUYER_ORGNR);
    }

    @Test
    void aDocumentWhoseSumsDoNotAddUpDoesNotLeave() {
        InvoiceDocument d = EhfTestData.powerInvoice();
        // one øre more than the lines add up to, total moved with it so only the line sum is wrong
        InvoiceDocument wrong = new InvoiceDocument(d.kind(), d.invoiceNumber(), null, d.issueDate(), d.dueDate(), d.periodFrom(),
                d.periodTo(), d.kid(), d.seller(), d.buyer(), d.agreement(), d.points(), d.vat(), new BigDecimal("857.42"), VAT,
                new BigDecimal("1071.77"));

        assertThatThrownBy(() -> ehf.render(wrong))
                .isInstanceOfSatisfying(InvalidEhfDocument.class,
                        e -> assertThat(e.validation().failedRuleIds()).containsExactly("BR-CO-10"))
                .hasMessageContaining("INVOICE 10042 fails eu.peppol.bis3:invoice:");
    }

    @Test
    void aCreditNoteMustNameTheInvoiceItCredits() {
        InvoiceDocument c = EhfTestData.creditNote();
        InvoiceDocument unnamed = new InvoiceDocument(c.kind(), c.invoiceNumber(), null, c.issueDate(), c.dueDate(), c.periodFrom(),
                c.periodTo(), c.kid(), c.seller(), c.buyer(), c.agreement(), c.points(), c.vat(), c.netAmount(), c.vatAmount(),
                c.totalAmount());

        assertThatThrownBy(() -> ehf.render(unnamed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("credit note 10043 does not name the invoice it credits");
    }

    @Test
    void anAmountWithFractionsOfAnOreIsRefusedRatherThanRounded() {
        InvoiceDocument d = EhfTestData.powerInvoice();
        InvoiceDocument unrounded = new InvoiceDocument(d.kind(), d.invoiceNumber(), null, d.issueDate(), d.dueDate(), d.periodFrom(),
                d.periodTo(), d.kid(), d.seller(), d.buyer(), d.agreement(), d.points(), d.vat(), new BigDecimal("857.405"), VAT, TOTAL);

        assertThatThrownBy(() -> EhfDocuments.invoice(unrounded)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("amount 857.405 has fractions of an øre");
    }

    @Test
    void unitsMapToUnEceRecommendation20() {
        assertThat(List.of("kWh", "month", "day")).map(EhfDocuments::unitCode).containsExactly("KWH", "MON", "DAY");
        assertThatThrownBy(() -> EhfDocuments.unitCode("MWh")).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertTotals(MonetaryTotalType totals, List<TaxTotalType> taxTotals, BigDecimal net, BigDecimal vat,
            BigDecimal total) {
        assertThat(totals.getLineExtensionAmountValue()).isEqualByComparingTo(net);
        assertThat(totals.getTaxExclusiveAmountValue()).isEqualByComparingTo(net);
        assertThat(totals.getTaxInclusiveAmountValue()).isEqualByComparingTo(total);
        assertThat(totals.getPayableAmountValue()).isEqualByComparingTo(total);
        assertThat(totals.getPayableAmount().getCurrencyID()).isEqualTo("NOK");
        assertThat(taxTotals).singleElement().satisfies(t -> {
            assertThat(t.getTaxAmountValue()).isEqualByComparingTo(vat);
            assertThat(t.getTaxSubtotal()).singleElement().satisfies(s -> {
                assertThat(s.getTaxCategory().getIDValue()).isEqualTo("S");
                assertThat(s.getTaxCategory().getPercentValue()).isEqualByComparingTo("25");
                assertThat(s.getTaxableAmountValue()).isEqualByComparingTo(net);
                assertThat(s.getTaxAmountValue()).isEqualByComparingTo(vat);
            });
        });
    }
}
