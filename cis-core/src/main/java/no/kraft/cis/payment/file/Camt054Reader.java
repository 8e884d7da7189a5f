package no.kraft.cis.payment.file;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import no.kraft.cis.rule.InvalidValueException;

/**
 * Reads an ISO 20022 camt.054 BankToCustomerDebitCreditNotification (kontoinformasjon/innbetalingsmelding), any version
 * (.001.02 to .001.08 tried): per notification ({@code Ntfctn}) the credited account, per booked credit entry
 * ({@code Ntry}) one payment per transaction details ({@code TxDtls}), or one for the entry when it has none.
 * Debit entries and entries not booked (pending, information) are skipped. Amounts must be NOK; when the transaction
 * details carry amounts they must add up to their entry's amount.
 */
final class Camt054Reader {

    static final String ROOT = "BkToCstmrDbtCdtNtfctn";

    private static final String NAMESPACE_PREFIX = "urn:iso:std:iso:20022:tech:xsd:camt.054.";
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,18}(\\.\\d{1,5})?");

    private final List<IncomingPayment> payments = new ArrayList<>();
    private final Set<String> creditAccounts = new LinkedHashSet<>();

    private Camt054Reader() {
    }

    static PaymentFile read(XmlElement document) {
        XmlElement notification = document.name().equals(ROOT) ? document : document.child(ROOT);
        if (notification == null) {
            throw new InvalidValueException("paymentFile.format", "the XML document is not a camt.054 notification: "
                    + "no " + ROOT + " under its root element " + document.name());
        }
        String namespace = notification.namespace();
        if (!namespace.isEmpty() && !namespace.startsWith(NAMESPACE_PREFIX)) {
            throw new InvalidValueException("paymentFile.format", "namespace " + namespace + " is not camt.054");
        }
        String messageId = notification.text("GrpHdr", "MsgId");
        if (messageId == null) {
            throw new InvalidValueException("paymentFile.format",
                    "line " + notification.line() + ": the group header's message id (GrpHdr/MsgId) is missing");
        }
        Camt054Reader reader = new Camt054Reader();
        for (XmlElement ntfctn : notification.all("Ntfctn")) {
            reader.notification(ntfctn);
        }
        String creditAccount = reader.creditAccounts.isEmpty() ? null : reader.creditAccounts.iterator().next();
        return new PaymentFile(PaymentFileFormat.CAMT_054, messageId, creditAccount, reader.payments);
    }

    private void notification(XmlElement ntfctn) {
        String account = account(ntfctn.find("Acct"));
        if (account != null) {
            creditAccounts.add(account);
            if (creditAccounts.size() > 1) {
                throw error(ntfctn, "paymentFile.creditAccount", "the notification is for account " + account
                        + ", an earlier one for " + creditAccounts.iterator().next() + ": one file must credit one account");
            }
        }
        for (XmlElement entry : ntfctn.all("Ntry")) {
            entry(entry);
        }
    }

    private void entry(XmlElement entry) {
        String direction = entry.text("CdtDbtInd");
        if ("DBIT".equals(direction)) {
            return;
        }
        if (!"CRDT".equals(direction)) {
            throw error(entry, "paymentFile.format", "the entry's CdtDbtInd is '" + direction + "', not CRDT or DBIT");
        }
        XmlElement status = entry.child("Sts");
        if (status == null) {
            throw error(entry, "paymentFile.format", "the entry has no status (Sts)");
        }
        // .001.02–.001.07: <Sts>BOOK</Sts>; .001.08 on: <Sts><Cd>BOOK</Cd></Sts>
        String statusCode = status.child("Cd") != null ? status.text("Cd") : status.text();
        if (!"BOOK".equals(statusCode)) {
            return;
        }
        LocalDate paidOn = date(entry, "BookgDt");
        if (paidOn == null) {
            paidOn = date(entry, "ValDt");
        }
        if (paidOn == null) {
            throw error(entry, "paymentFile.format", "the entry has neither a booking date (BookgDt) nor a value date (ValDt)");
        }
        BigDecimal entryAmount = amount(entry.child("Amt"), entry);
        String entryReference = entry.text("AcctSvcrRef") != null ? entry.text("AcctSvcrRef") : entry.text("NtryRef");
        List<XmlElement> details = entry.all("NtryDtls").stream().flatMap(d -> d.all("TxDtls").stream()).toList();
        if (details.isEmpty()) {
            payments.add(new IncomingPayment(reference(entryReference, entry), paidOn, entryAmount, null, null, null));
            return;
        }
        BigDecimal detailSum = BigDecimal.ZERO;
        for (int i = 0; i < details.size(); i++) {
            XmlElement detail = details.get(i);
            XmlElement amountElement = detail.child("Amt") != null ? detail.child("Amt") : detail.find("AmtDtls", "TxAmt", "Amt");
            BigDecimal amount;
            if (amountElement != null) {
                amount = amount(amountElement, detail);
            } else if (details.size() == 1) {
                amount = entryAmount;
            } else {
                throw error(detail, "paymentFile.format", "transaction details " + (i + 1) + " of " + details.size()
                        + " in the entry have no amount");
            }
            detailSum = detailSum.add(amount);
            String reference = detail.text("Refs", "AcctSvcrRef");
            if (reference == null) {
                reference = reference(entryReference, entry) + (details.size() > 1 ? "-" + (i + 1) : "");
            }
            String kid = detail.all("RmtInf").stream()
                    .flatMap(remittance -> remittance.all("Strd").stream())
                    .map(structured -> structured.text("CdtrRefInf", "Ref"))
                    .filter(ref -> ref != null)
                    .findFirst().orElse(null);
            XmlElement parties = detail.child("RltdPties");
            String payerName = null;
            String payerAccount = null;
            if (parties != null) {
                // .001.08 nests the party: Dbtr/Pty/Nm
                payerName = parties.text("Dbtr", "Nm") != null ? parties.text("Dbtr", "Nm") : parties.text("Dbtr", "Pty", "Nm");
                payerAccount = account(parties.child("DbtrAcct"));
            }
            payments.add(new IncomingPayment(reference, paidOn, amount, kid, payerName, payerAccount));
        }
        if (detailSum.compareTo(entryAmount) != 0) {
            throw error(entry, "paymentFile.controlSum", "the entry's amount is " + entryAmount
                    + " NOK, its transaction details add up to " + detailSum.setScale(2) + " NOK");
        }
    }

    /** {@code Id/IBAN} or {@code Id/Othr/Id} of an account element, or {@code null}. */
    private static String account(XmlElement account) {
        if (account == null) {
            return null;
        }
        String iban = account.text("Id", "IBAN");
        return iban != null ? iban : account.text("Id", "Othr", "Id");
    }

    private static String reference(String entryReference, XmlElement entry) {
        if (entryReference == null) {
            throw error(entry, "paymentFile.format", "the entry has no reference (AcctSvcrRef or NtryRef)");
        }
        return entryReference;
    }

    /** {@code Dt}, or the date part of {@code DtTm}, of the entry's date element of that name; {@code null} if none. */
    private static LocalDate date(XmlElement entry, String name) {
        XmlElement element = entry.child(name);
        if (element == null) {
            return null;
        }
        String text = element.text("Dt") != null ? element.text("Dt") : element.text("DtTm");
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw error(element, "paymentFile.format", name + " '" + text + "' is not a date (yyyy-MM-dd)");
        }
    }

    /** A NOK amount ({@code <Amt Ccy="NOK">1234.50</Amt>}), scale 2. */
    private static BigDecimal amount(XmlElement amount, XmlElement owner) {
        if (amount == null) {
            throw error(owner, "paymentFile.format", owner.name() + " has no amount (Amt)");
        }
        String currency = amount.attributes().get("Ccy");
        if (!"NOK".equals(currency)) {
            throw error(amount, "paymentFile.currency", "amount " + amount.text() + " is in "
                    + (currency == null ? "no stated currency" : currency) + "; only NOK is accepted");
        }
        if (!AMOUNT.matcher(amount.text()).matches()) {
            throw error(amount, "paymentFile.format", "amount '" + amount.text() + "' is not a decimal number");
        }
        BigDecimal value = new BigDecimal(amount.text());
        if (value.stripTrailingZeros().scale() > 2) {
            throw error(amount, "paymentFile.format", "amount " + amount.text() + " has fractions of an øre");
        }
        return value.setScale(2);
    }

    private static InvalidValueException error(XmlElement at, String rule, String message) {
        return new InvalidValueException(rule, "line " + at.line() + " (" + at.name() + "): " + message);
    }
}
