package no.kraft.cis.delivery.ehf;

import com.helger.ubl21.UBL21Marshaller;
import com.helger.xsds.ccts.cct.schemamodule.AmountType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import no.kraft.cis.customer.OrganisationNumber;
import no.kraft.cis.delivery.document.InvoiceDocument;
import no.kraft.cis.delivery.document.InvoiceDocument.Buyer;
import no.kraft.cis.delivery.document.InvoiceDocument.Line;
import no.kraft.cis.delivery.document.InvoiceDocument.MeteringPointPart;
import no.kraft.cis.delivery.document.InvoiceDocument.Seller;
import no.kraft.cis.delivery.document.InvoiceDocument.VatRow;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.AddressType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.BillingReferenceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.ContactType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CountryType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CreditNoteLineType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CustomerPartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.DocumentReferenceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.FinancialAccountType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.ItemIdentificationType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.ItemType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.MonetaryTotalType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyIdentificationType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyLegalEntityType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyNameType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyTaxSchemeType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PaymentMeansType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PaymentTermsType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PeriodType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PriceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.SupplierPartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxCategoryType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxSchemeType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxSubtotalType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxTotalType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.InvoiceLineType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.NoteType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.PaymentIDType;
import oasis.names.specification.ubl.schema.xsd.creditnote_21.CreditNoteType;
import oasis.names.specification.ubl.schema.xsd.invoice_21.InvoiceType;

/**
 * Renders an {@link InvoiceDocument} as EHF 3.0 — Peppol BIS Billing 3.0 with the Norwegian rules — in UBL 2.1: an
 * {@code Invoice} (type code 380) or a {@code CreditNote} (381) that names the invoice it credits, and lets it leave
 * only when the official rules pass ({@link #render}).
 *
 * <p>It never recomputes money: every amount is the issued document's, so the EHF says exactly what the PDF says, and a
 * document whose sums do not add up is stopped by the rules (BR-CO-10, BR-CO-14, BR-CO-15 …) instead of being "fixed"
 * here. The choices where the specification leaves room are listed in the module README.
 */
public final class EhfDocuments {

    /** BT-24: Peppol BIS Billing 3.0 (EHF 3.0 is this CIUS plus the NO-R rules, not a customization of its own). */
    public static final String CUSTOMIZATION_ID = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";
    /** BT-23: the billing process P01. */
    public static final String PROFILE_ID = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";
    /** ICD/EAS 0192: Norwegian organisation number (Enhetsregisteret). */
    public static final String SCHEME_NO_ORGNR = "0192";
    /** UNTDID 1153 "AVE", the code EHF's forward-billing guide uses for the metering point ID (BT-128 with type 130). */
    public static final String SCHEME_METERING_POINT = "AVE";

    private static final String CURRENCY = "NOK";
    private static final String COUNTRY = "NO";

    private final EhfValidator validator;

    /** With the JVM's shared validator. */
    public EhfDocuments() {
        this(EhfValidator.shared());
    }

    public EhfDocuments(EhfValidator validator) {
        this.validator = validator;
    }

    /**
     * The EHF for the document, validated: an Invoice for {@link InvoiceDocument.Kind#INVOICE}, a CreditNote for
     * {@link InvoiceDocument.Kind#CREDIT_NOTE}.
     *
     * @throws BuyerHasNoOrganisationNumber when the buyer is a person (no Peppol address)
     * @throws InvalidEhfDocument when the rendered document fails an official rule of severity error
     */
    public EhfDocument render(InvoiceDocument document) {
        byte[] xml = switch (document.kind()) {
            case INVOICE -> xml(invoice(document));
            case CREDIT_NOTE -> xml(creditNote(document));
        };
        EhfValidation validation = validator.validate(xml);
        if (!validation.valid()) {
            throw new InvalidEhfDocument(document.kind() + " " + document.invoiceNumber(), validation);
        }
        return new EhfDocument(document.kind(), document.invoiceNumber(), xml, validation);
    }

    /** The UBL Invoice for an invoice, not yet validated. */
    public static InvoiceType invoice(InvoiceDocument document) {
        if (document.kind() != InvoiceDocument.Kind.INVOICE) {
            throw new IllegalArgumentException("document " + document.invoiceNumber() + " is a " + document.kind() + ", not an invoice");
        }
        String buyerNumber = buyerOrganisationNumber(document);
        InvoiceType ubl = new InvoiceType();
        ubl.setCustomizationID(CUSTOMIZATION_ID);
        ubl.setProfileID(PROFILE_ID);
        ubl.setID(Long.toString(document.invoiceNumber()));
        ubl.setIssueDate(document.issueDate());
        ubl.setDueDate(document.dueDate());
        ubl.setInvoiceTypeCode("380");
        ubl.setDocumentCurrencyCode(CURRENCY);
        ubl.setBuyerReference(Long.toString(document.buyer().customerNumber()));
        ubl.addInvoicePeriod(period(document.periodFrom(), document.periodTo()));
        ubl.setAccountingSupplierParty(supplier(document.seller()));
        ubl.setAccountingCustomerParty(customer(document.buyer(), buyerNumber));
        ubl.addPaymentMeans(paymentMeans(document));
        ubl.addTaxTotal(taxTotal(document, 1));
        ubl.setLegalMonetaryTotal(monetaryTotal(document, 1));
        for (MeteringPointPart point : document.points()) {
            for (Line line : point.lines()) {
                ubl.addInvoiceLine(invoiceLine(point, line));
            }
        }
        return ubl;
    }

    /**
     * The UBL CreditNote for a credit note, not yet validated. The document carries the issued credit note's signs
     * (cis-core reverses the credited invoice's lines: negative quantities and amounts, the same unit prices); UBL
     * states what is credited with positive amounts, so every amount and quantity is turned round.
     */
    public static CreditNoteType creditNote(InvoiceDocument document) {
        if (document.kind() != InvoiceDocument.Kind.CREDIT_NOTE) {
            throw new IllegalArgumentException("document " + document.invoiceNumber() + " is a " + document.kind() + ", not a credit note");
        }
        if (document.creditsInvoiceNumber() == null) {
            throw new IllegalArgumentException("credit note " + document.invoiceNumber() + " does not name the invoice it credits");
        }
        String buyerNumber = buyerOrganisationNumber(document);
        CreditNoteType ubl = new CreditNoteType();
        ubl.setCustomizationID(CUSTOMIZATION_ID);
        ubl.setProfileID(PROFILE_ID);
        ubl.setID(Long.toString(document.invoiceNumber()));
        ubl.setIssueDate(document.issueDate());
        ubl.setCreditNoteTypeCode("381");
        ubl.setDocumentCurrencyCode(CURRENCY);
        ubl.setBuyerReference(Long.toString(document.buyer().customerNumber()));
        ubl.addInvoicePeriod(period(document.periodFrom(), document.periodTo()));
        BillingReferenceType billing = new BillingReferenceType();
        DocumentReferenceType credited = new DocumentReferenceType();
        credited.setID(Long.toString(document.creditsInvoiceNumber()));
        billing.setInvoiceDocumentReference(credited);
        ubl.addBillingReference(billing);
        ubl.setAccountingSupplierParty(supplier(document.seller()));
        ubl.setAccountingCustomerParty(customer(document.buyer(), buyerNumber));
        // no payment means: nothing is paid to our account on a credit note; BR-CO-25 wants terms when the amount is positive
        PaymentTermsType terms = new PaymentTermsType();
        terms.addNote(new NoteType("Krediterer faktura " + document.creditsInvoiceNumber() + "."));
        ubl.addPaymentTerms(terms);
        ubl.addTaxTotal(taxTotal(document, -1));
        ubl.setLegalMonetaryTotal(monetaryTotal(document, -1));
        for (MeteringPointPart point : document.points()) {
            for (Line line : point.lines()) {
                ubl.addCreditNoteLine(creditNoteLine(point, line));
            }
        }
        return ubl;
    }

    /** The Invoice as UTF-8 XML. Written without the schema check, so that schema faults reach the validation's report. */
    public static byte[] xml(InvoiceType invoice) {
        var marshaller = UBL21Marshaller.invoice();
        marshaller.setUseSchema(false);
        marshaller.setFormattedOutput(true);
        return written(marshaller.getAsBytes(invoice), "Invoice " + invoice.getIDValue());
    }

    /** The CreditNote as UTF-8 XML, as {@link #xml(InvoiceType)}. */
    public static byte[] xml(CreditNoteType creditNote) {
        var marshaller = UBL21Marshaller.creditNote();
        marshaller.setUseSchema(false);
        marshaller.setFormattedOutput(true);
        return written(marshaller.getAsBytes(creditNote), "CreditNote " + creditNote.getIDValue());
    }

    private static byte[] written(byte[] xml, String what) {
        if (xml == null) {
            throw new IllegalStateException(what + " could not be written as XML");
        }
        return xml;
    }

    private static String buyerOrganisationNumber(InvoiceDocument document) {
        String raw = document.buyer().organisationNumber();
        if (raw == null || raw.isBlank()) {
            throw new BuyerHasNoOrganisationNumber(document.buyer().customerNumber(), document.invoiceNumber());
        }
        return OrganisationNumber.parse(raw).value();
    }

    private static SupplierPartyType supplier(Seller seller) {
        String orgnr = OrganisationNumber.parse(seller.organisationNumber()).value();
        PartyType party = new PartyType();
        party.setEndpointID(orgnr).setSchemeID(SCHEME_NO_ORGNR);
        party.addPartyName(name(seller.name()));
        party.setPostalAddress(address(seller.street(), seller.postcode(), seller.city()));
        party.addPartyTaxScheme(taxScheme("NO" + orgnr + "MVA", "VAT"));
        // NO-R-002: an AS/ASA says it is in the Register of Business Enterprises (Foretaksregisteret)
        party.addPartyTaxScheme(taxScheme("Foretaksregisteret", "TAX"));
        party.addPartyLegalEntity(legalEntity(seller.name(), orgnr));
        party.setContact(contact(seller.email(), seller.phone()));
        SupplierPartyType supplier = new SupplierPartyType();
        supplier.setParty(party);
        return supplier;
    }

    private static CustomerPartyType customer(Buyer buyer, String orgnr) {
        PartyType party = new PartyType();
        party.setEndpointID(orgnr).setSchemeID(SCHEME_NO_ORGNR);
        PartyIdentificationType id = new PartyIdentificationType();
        id.setID(Long.toString(buyer.customerNumber()));
        party.addPartyIdentification(id);
        party.addPartyName(name(buyer.name()));
        party.setPostalAddress(address(buyer.street(), buyer.postcode(), buyer.city()));
        party.addPartyLegalEntity(legalEntity(buyer.name(), orgnr));
        party.setContact(contact(buyer.email(), buyer.mobile()));
        CustomerPartyType customer = new CustomerPartyType();
        customer.setParty(party);
        return customer;
    }

    private static PartyNameType name(String name) {
        PartyNameType partyName = new PartyNameType();
        partyName.setName(name);
        return partyName;
    }

    private static AddressType address(String street, String postcode, String city) {
        AddressType address = new AddressType();
        if (present(street)) {
            address.setStreetName(street);
        }
        if (present(city)) {
            address.setCityName(city);
        }
        if (present(postcode)) {
            address.setPostalZone(postcode);
        }
        CountryType country = new CountryType();
        country.setIdentificationCode(COUNTRY);
        address.setCountry(country);
        return address;
    }

    private static PartyTaxSchemeType taxScheme(String companyId, String scheme) {
        PartyTaxSchemeType taxScheme = new PartyTaxSchemeType();
        taxScheme.setCompanyID(companyId);
        taxScheme.setTaxScheme(scheme(scheme));
        return taxScheme;
    }

    private static TaxSchemeType scheme(String id) {
        TaxSchemeType scheme = new TaxSchemeType();
        scheme.setID(id);
        return scheme;
    }

    private static PartyLegalEntityType legalEntity(String name, String orgnr) {
        PartyLegalEntityType entity = new PartyLegalEntityType();
        entity.setRegistrationName(name);
        entity.setCompanyID(orgnr).setSchemeID(SCHEME_NO_ORGNR);
        return entity;
    }

    private static ContactType contact(String email, String phone) {
        if (!present(email) && !present(phone)) {
            return null; // PEPPOL-EN16931-R008: no empty elements
        }
        ContactType contact = new ContactType();
        if (present(phone)) {
            contact.setTelephone(phone);
        }
        if (present(email)) {
            contact.setElectronicMail(email);
        }
        return contact;
    }

    private static PaymentMeansType paymentMeans(InvoiceDocument document) {
        PaymentMeansType means = new PaymentMeansType();
        means.setPaymentMeansCode("30").setName("Credit transfer");
        means.addPaymentID(new PaymentIDType(document.kid()));
        FinancialAccountType account = new FinancialAccountType();
        // printed as 1234.56.78903; the account number itself is the digits
        account.setID(document.seller().bankAccount().replaceAll("[\\s.]", ""));
        means.setPayeeFinancialAccount(account);
        return means;
    }

    private static TaxTotalType taxTotal(InvoiceDocument document, int sign) {
        TaxTotalType total = new TaxTotalType();
        nok(total.setTaxAmount(money(document.vatAmount(), sign)));
        for (VatRow row : document.vat()) {
            TaxSubtotalType subtotal = new TaxSubtotalType();
            nok(subtotal.setTaxableAmount(money(row.base(), sign)));
            nok(subtotal.setTaxAmount(money(row.vat(), sign)));
            subtotal.setTaxCategory(taxCategory(row.rate()));
            total.addTaxSubtotal(subtotal);
        }
        return total;
    }

    /**
     * S (standard rate) for a rate above zero; Z for 0 %: the Norwegian zero rate ("fritatt", merverdiavgiftsloven
     * chapter 6 — household power in Nordland, Troms and Finnmark) is a zero-rated supply, not an exemption (E), which
     * EN 16931 would also make us give a reason for.
     */
    private static TaxCategoryType taxCategory(BigDecimal rate) {
        TaxCategoryType category = new TaxCategoryType();
        category.setID(rate.signum() == 0 ? "Z" : "S");
        category.setPercent(percent(rate));
        category.setTaxScheme(scheme("VAT"));
        return category;
    }

    private static BigDecimal percent(BigDecimal rate) {
        BigDecimal percent = rate.movePointRight(2).stripTrailingZeros();
        return percent.scale() < 0 ? percent.setScale(0) : percent;
    }

    private static MonetaryTotalType monetaryTotal(InvoiceDocument document, int sign) {
        MonetaryTotalType total = new MonetaryTotalType();
        nok(total.setLineExtensionAmount(money(document.netAmount(), sign)));
        nok(total.setTaxExclusiveAmount(money(document.netAmount(), sign)));
        nok(total.setTaxInclusiveAmount(money(document.totalAmount(), sign)));
        nok(total.setPayableAmount(money(document.totalAmount(), sign)));
        return total;
    }

    private static InvoiceLineType invoiceLine(MeteringPointPart point, Line line) {
        LineAmounts amounts = LineAmounts.of(line, 1);
        InvoiceLineType ubl = new InvoiceLineType();
        ubl.setID(Integer.toString(line.lineNumber()));
        if (present(point.meteringPointId())) {
            ubl.addNote(new NoteType(meteringPointNote(point)));
        }
        ubl.setInvoicedQuantity(amounts.quantity()).setUnitCode(unitCode(line.unit()));
        nok(ubl.setLineExtensionAmount(amounts.net()));
        ubl.addInvoicePeriod(period(line.from(), line.to()));
        if (present(point.meteringPointId())) {
            // a line of no metering point (a fee on the account) has no object identifier
            ubl.addDocumentReference(meteringPoint(point));
        }
        ubl.setItem(item(line));
        ubl.setPrice(price(amounts.price()));
        return ubl;
    }

    private static CreditNoteLineType creditNoteLine(MeteringPointPart point, Line line) {
        LineAmounts amounts = LineAmounts.of(line, -1);
        CreditNoteLineType ubl = new CreditNoteLineType();
        ubl.setID(Integer.toString(line.lineNumber()));
        if (present(point.meteringPointId())) {
            ubl.addNote(new NoteType(meteringPointNote(point)));
        }
        ubl.setCreditedQuantity(amounts.quantity()).setUnitCode(unitCode(line.unit()));
        nok(ubl.setLineExtensionAmount(amounts.net()));
        ubl.addInvoicePeriod(period(line.from(), line.to()));
        if (present(point.meteringPointId())) {
            // a line of no metering point (a fee on the account) has no object identifier
            ubl.addDocumentReference(meteringPoint(point));
        }
        ubl.setItem(item(line));
        ubl.setPrice(price(amounts.price()));
        return ubl;
    }

    /**
     * A line's quantity, net price and net amount as BIS 3 wants them: the price may not be negative (BR-27), so a
     * credited line (Norgespris, strømstøtte: covered kWh × a negative unit price) is stated as a negative quantity at a
     * positive price — the amount, and quantity × price, stay what they were.
     */
    private record LineAmounts(BigDecimal quantity, BigDecimal price, BigDecimal net) {

        static LineAmounts of(Line line, int sign) {
            BigDecimal quantity = sign < 0 ? line.quantity().negate() : line.quantity();
            BigDecimal price = line.unitPrice();
            if (price.signum() < 0) {
                quantity = quantity.negate();
                price = price.negate();
            }
            return new LineAmounts(quantity, price, money(line.netAmount(), sign));
        }
    }

    /** BT-127, for the reader: the metering point and its address, as the PDF shows them above the point's lines. */
    private static String meteringPointNote(MeteringPointPart point) {
        return "Målepunkt " + point.meteringPointId() + (present(point.address()) ? ", " + point.address() : "");
    }

    /** BT-128 (invoice line object identifier), for the buyer's system: the metering point's GSRN. */
    private static DocumentReferenceType meteringPoint(MeteringPointPart point) {
        DocumentReferenceType reference = new DocumentReferenceType();
        reference.setID(point.meteringPointId()).setSchemeID(SCHEME_METERING_POINT);
        reference.setDocumentTypeCode("130");
        return reference;
    }

    private static ItemType item(Line line) {
        ItemType item = new ItemType();
        item.setName(line.text());
        if (present(line.elementCode())) {
            ItemIdentificationType sellers = new ItemIdentificationType();
            sellers.setID(line.elementCode());
            item.setSellersItemIdentification(sellers);
        }
        item.addClassifiedTaxCategory(taxCategory(line.vatRate()));
        return item;
    }

    private static PriceType price(BigDecimal unitPrice) {
        PriceType price = new PriceType();
        nok(price.setPriceAmount(unitPrice));
        return price;
    }

    /** UN/ECE Recommendation 20, as BIS 3 requires. */
    static String unitCode(String unit) {
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "kwh" -> "KWH";
            case "month" -> "MON";
            case "day" -> "DAY";
            default -> throw new IllegalArgumentException("no UN/ECE Rec 20 code for unit '" + unit + "'");
        };
    }

    /** Our periods are half-open; UBL's EndDate is the last day of the period (inclusive). */
    private static PeriodType period(LocalDate from, LocalDate toExclusive) {
        PeriodType period = new PeriodType();
        period.setStartDate(from);
        period.setEndDate(toExclusive.minusDays(1));
        return period;
    }

    /** An amount in øre (scale 2) with the sign the UBL document wants; more decimals are a fault of the document. */
    private static BigDecimal money(BigDecimal amount, int sign) {
        BigDecimal signed = sign < 0 ? amount.negate() : amount;
        try {
            return signed.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("amount " + amount.toPlainString() + " has fractions of an øre", e);
        }
    }

    private static <T extends AmountType> T nok(T amount) {
        amount.setCurrencyID(CURRENCY);
        return amount;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
