package no.kraft.cis.billing.invoicing;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.kraft.cis.invoice.InvoiceLine;
import no.kraft.cis.invoice.NewInvoiceLine;

/**
 * "What was billed" against "what should have been billed": the same lines — metering point, delivery, element, text,
 * days, quantity, unit price, amounts and VAT — in any order. Pure.
 */
final class BilledLines {

    private BilledLines() {
    }

    static boolean same(List<InvoiceLine> billed, List<NewInvoiceLine> shouldHave) {
        if (billed.size() != shouldHave.size()) {
            return false;
        }
        Map<Key, Integer> count = new HashMap<>();
        for (InvoiceLine l : billed) {
            count.merge(new Key(l.meteringPointId(), l.deliveryId(), l.elementCode(), l.text(), l.period().from(), l.period().to(),
                    l.unit().name(), n(l.quantity()), n(l.unitPrice()), n(l.netAmount()), n(l.vatRate()), n(l.vatAmount())), 1, Integer::sum);
        }
        for (NewInvoiceLine l : shouldHave) {
            Key key = new Key(l.meteringPointId(), l.deliveryId(), l.elementCode(), l.text(), l.period().from(), l.period().to(),
                    l.unit().name(), n(l.quantity()), n(l.unitPrice()), n(l.netAmount()), n(l.vatRate()), n(l.vatAmount()));
            Integer left = count.get(key);
            if (left == null) {
                return false;
            }
            if (left == 1) {
                count.remove(key);
            } else {
                count.put(key, left - 1);
            }
        }
        return count.isEmpty();
    }

    /** Equal numbers compare equal whatever their scale. */
    private static String n(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    private record Key(Long meteringPoint, Long delivery, String element, String text, Object from, Object to, String unit,
            String quantity, String unitPrice, String net, String vatRate, String vat) {
    }
}
