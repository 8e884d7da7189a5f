package no.kraft.cis.delivery.distribution;

import java.util.ArrayList;
import java.util.List;
import no.kraft.cis.delivery.document.InvoiceDocument;

/**
 * The channels an invoice goes through, the chosen one first and then the fallbacks (the dynamic distribution): EHF
 * for an organisation in the Peppol list, e-mail
 * when we have an address, then SMS when we have a mobile number, and paper last when we have a postal address — so
 * there is one for every customer with an address. Pure.
 * Which channels are built so far is {@code built}: a channel not built yet is left out of the plan, never faked.
 */
public final class DeliveryPlan {

    private DeliveryPlan() {
    }

    public static List<Channel> of(InvoiceDocument.Buyer buyer, java.util.Set<Channel> built) {
        return of(buyer, false, built);
    }

    /** @param inPeppol the buyer is an organisation in the Peppol list that takes invoices: EHF comes first */
    public static List<Channel> of(InvoiceDocument.Buyer buyer, boolean inPeppol, java.util.Set<Channel> built) {
        List<Channel> plan = new ArrayList<>();
        if (inPeppol && buyer.organisationNumber() != null) {
            plan.add(Channel.EHF);
        }
        if (buyer.email() != null && !buyer.email().isBlank()) {
            plan.add(Channel.EMAIL);
        }
        if (buyer.mobile() != null && !buyer.mobile().isBlank()) {
            plan.add(Channel.SMS);
        }
        if (!blank(buyer.street()) && !blank(buyer.postcode()) && !blank(buyer.city())) {
            plan.add(Channel.PAPER);
        }
        plan.retainAll(built);
        return List.copyOf(plan);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
