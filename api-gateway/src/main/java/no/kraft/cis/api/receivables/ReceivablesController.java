package no.kraft.cis.api.receivables;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import no.kraft.cis.api.RequestValues;
import no.kraft.cis.receivables.Receivables;
import no.kraft.cis.receivables.ReceivablesFigures;
import no.kraft.cis.rule.FieldValidation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Receivables", description = "The receivables figures finance watches (DSO, paid on time, aging, collection, forecast)")
@RestController
class ReceivablesController {

    static final String DESCRIPTION = """
            Customer service, billing and admin. Computed from the invoices, credit notes and payments on every call \
            (nothing is counted ahead). Money has 2 decimals, shares 4 (0–1), days 1; a share or an average over no \
            invoices is null (left out of the JSON). Stock figures are the ledger at the start of day `to` (documents issued and payments paid \
            before it, a customer's credit on account settling their oldest due first, as in the ledger); behaviour \
            figures follow the invoices due in the period with the payments known today.

            - **dso** = receivables ÷ creditSales × days: receivables = the open amounts at `to`; creditSales = \
            invoices less credit notes issued in [from, to), incl. VAT; days = to − from. null without net credit sales.
            - **paidOnTime**: invoices with due date (in force, i.e. postponed) in the period, total above zero, not \
            cancelled by a credit note before `to`. paidByDueDateShare = paid in full (their own matched payments) on or \
            before the due date ÷ those whose due date is before today. paidBeforeNoticeShare = paid in full before the day \
            of its first purring or inkassovarsel (the dunning job's events; the friendly reminder on the due date is not \
            a notice here), or paid in full with no such notice sent, ÷ those whose due date + 14 (the earliest day a \
            purring may be sent, inkassoforskriften § 1-2) is today or earlier.
            - **aging**: open amounts at `to` by days past due = `to` − due date in force. 0 days (due on `to`) is not \
            overdue, as in the ledger: NOT_DUE ≤ 0, DAYS_1_14 (the "0–14" bucket), DAYS_15_30, DAYS_31_60, DAYS_61_90, \
            OVER_90 (≥ 91). overdue = every bucket but NOT_DUE; the buckets add up to open.
            - **collection**: the open amount at `to` of invoices handed over to debt collection before `to`.
            - **creditLoss**: what was written off on days [from, to) — the part a debt-collection agency closed as not \
            collectable.
            - **deliveries**: invoices issued in the period by the channel of their delivery (the one in use after any \
            fallback; deliveries that reached no channel left out); digitalShare = (EMAIL + SMS + EHF) ÷ all.
            - **paymentDelay**: over the invoices due in the period paid in full, days from due date to the day they \
            were paid in full, 0 when paid on or before it; by delivery channel.
            - **forecast**: the open amounts at `to` falling due on each of the 60 days [to, to + 60), every day listed. \
            Overdue amounts are not forecast (no due date is left to expect them on; see aging).

            400 (problem+json naming the field): from/to required (`required`), a date YYYY-MM-DD (`date.format`), to \
            after from (`period.endBeforeStart`), at most 2 years (`period.tooLong`).""";

    private final Receivables receivables;

    ReceivablesController(Receivables receivables) {
        this.receivables = receivables;
    }

    @Operation(summary = "Receivables figures of the days [from, to)", description = DESCRIPTION)
    @GetMapping("/api/v1/receivables/figures")
    ReceivablesFigures figures(
            @Parameter(description = "first day of the period (YYYY-MM-DD)", example = "2026-01-01") @RequestParam(required = false) String from,
            @Parameter(description = "the day after the period (YYYY-MM-DD), exclusive", example = "2026-02-01") @RequestParam(required = false) String to) {
        FieldValidation check = new FieldValidation();
        LocalDate first = check.required("from", from, () -> RequestValues.date(from));
        LocalDate end = check.required("to", to, () -> RequestValues.date(to));
        check.throwIfInvalid();
        return receivables.figures(first, end);
    }
}
