package no.kraft.cis.rme;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * One line of the RME file, in the documented column order:
 * {@code mpid;fra_dato;til_dato;forbruksgruppe;naeringskode;netto_prissikring_kroner;forbruk_faktisk_kWh;forbruk_prissikring_kWh;priskode}.
 *
 * @param hedgingAmount NOK, negative when the customer is credited (the settlement's sign turned)
 */
record RmeRow(String meteringPointId, LocalDate from, LocalDate to, String endUserGroup, String industryCode,
        BigDecimal hedgingAmount, BigDecimal actualKwh, BigDecimal coveredKwh, String priceCode) {

    static final String HEADER = "mpid;fra_dato;til_dato;forbruksgruppe;naeringskode;netto_prissikring_kroner;"
            + "forbruk_faktisk_kWh;forbruk_prissikring_kWh;priskode";
    /** CRLF, as RFC 4180 has it; the same for every line including the last. */
    static final String LINE_END = "\r\n";

    String line() {
        return meteringPointId + ';' + from + ';' + to + ';' + endUserGroup + ';' + (industryCode == null ? "" : industryCode) + ';'
                + decimal(hedgingAmount) + ';' + decimal(actualKwh) + ';' + decimal(coveredKwh) + ';' + priceCode;
    }

    /** Three decimals, decimal comma, no thousands separator. */
    static String decimal(BigDecimal value) {
        return value.setScale(3, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
    }
}
