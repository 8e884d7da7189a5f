package no.kraft.cis.receivables;

import java.util.List;

/**
 * Port: the notices already sent on an invoice (friendly reminder, purringer, inkassovarsel) with their dates and fees —
 * what the debt-collection adapter tells the agency when it hands a claim over. Implemented by the dunning job, which
 * records them; with no implementation the claim goes without notices.
 */
public interface NoticeHistory {

    /** The notices sent on the invoice (internal id), oldest first. */
    List<SentNotice> sentOn(long invoiceId);
}
