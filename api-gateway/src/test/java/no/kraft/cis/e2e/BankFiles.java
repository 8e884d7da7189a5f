package no.kraft.cis.e2e;

import java.util.ArrayList;
import java.util.List;

/** Bank files as banks send them, built in the test so each case states its payments. */
final class BankFiles {

    private BankFiles() {
    }

    /** One credited payment in a camt.054 entry. {@code kid} or payer fields may be null. */
    record Payment(String reference, String date, String amount, String kid, String payerName, String payerAccount) {
    }

    /** A camt.054.001.02 notification with one booked credit entry per payment. */
    static String camt054(String messageId, Payment... payments) {
        StringBuilder entries = new StringBuilder();
        for (Payment p : payments) {
            entries.append("""
                          <Ntry>
                            <NtryRef>%1$s</NtryRef>
                            <Amt Ccy="NOK">%3$s</Amt>
                            <CdtDbtInd>CRDT</CdtDbtInd>
                            <Sts>BOOK</Sts>
                            <BookgDt><Dt>%2$s</Dt></BookgDt>
                            <ValDt><Dt>%2$s</Dt></ValDt>
                            <AcctSvcrRef>%1$s</AcctSvcrRef>
                            <NtryDtls>
                              <TxDtls>
                                <Refs><AcctSvcrRef>%1$s</AcctSvcrRef></Refs>
                                <Amt Ccy="NOK">%3$s</Amt>
                                <RltdPties>%4$s%5$s</RltdPties>
                                %6$s
                              </TxDtls>
                            </NtryDtls>
                          </Ntry>
                    """.formatted(p.reference(), p.date(), p.amount(),
                    p.payerName() == null ? "" : "<Dbtr><Nm>" + p.payerName() + "</Nm></Dbtr>",
                    p.payerAccount() == null ? "" : "<DbtrAcct><Id><Othr><Id>" + p.payerAccount() + "</Id></Othr></Id></DbtrAcct>",
                    p.kid() == null ? "" : "<RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>" + p.kid()
                            + "</Ref></CdtrRefInf></Strd></RmtInf>"));
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02">
                  <BkToCstmrDbtCdtNtfctn>
                    <GrpHdr><MsgId>%s</MsgId><CreDtTm>2026-03-15T06:00:00</CreDtTm></GrpHdr>
                    <Ntfctn>
                      <Id>N-1</Id>
                      <CreDtTm>2026-03-15T06:00:00</CreDtTm>
                      <Acct><Id><Othr><Id>15030100005</Id></Othr></Id></Acct>
                %s    </Ntfctn>
                  </BkToCstmrDbtCdtNtfctn>
                </Document>
                """.formatted(messageId, entries);
    }

    /** One OCR giro payment: KID, amount in øre, debit account (11 digits, or zeros). */
    record OcrPayment(String kid, long ore, String debitAccount) {
    }

    /**
     * A Nets OCR giro transmission with one assignment (numbered like the transmission); settlement and payment date 14.03.26. Records are 80 characters:
     * 10 transmission start, 20 assignment start, 30/31 amount items, 88 assignment end, 89 transmission end.
     */
    static String ocrGiro(String transmissionNumber, OcrPayment... payments) {
        List<String> records = new ArrayList<>();
        records.add(pad("NY000010" + "00123456" + transmissionNumber + "00008080"));
        // the assignment number is the transmission's: a payment's bank reference (assignment, transaction, date) is then
        // unique to its file, as Nets makes it, and two tests' files never share one
        records.add(pad("NY090020" + "001234567" + transmissionNumber + "15030100005"));
        long sum = 0;
        int n = 0;
        for (OcrPayment p : payments) {
            n++;
            sum += p.ore();
            String tx = String.format("%07d", n);
            records.add(pad("NY091030" + tx + "140326" + "01" + "14" + "0" + String.format("%05d", n) + "0"
                    + String.format("%017d", p.ore()) + String.format("%25s", p.kid() == null ? "" : p.kid()) + "00"));
            records.add(pad("NY091031" + tx + "0000000000" + "001234567" + "0000000" + "140326" + p.debitAccount()));
        }
        records.add(pad("NY090088" + String.format("%08d", n) + String.format("%08d", 2 * n + 2) + String.format("%017d", sum)
                + "140326" + "140326" + "140326"));
        records.add(pad("NY000089" + String.format("%08d", n) + String.format("%08d", 2 * n + 4) + String.format("%017d", sum) + "140326"));
        return String.join("\r\n", records) + "\r\n";
    }

    private static String pad(String record) {
        return (record + "0".repeat(80)).substring(0, 80);
    }
}
