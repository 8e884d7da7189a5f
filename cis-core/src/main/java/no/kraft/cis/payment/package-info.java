/**
 * Incoming payments (innbetalinger): bank files (OCR giro or camt.054) imported once, each payment matched to an
 * invoice by its KID, or — when the KID is mistyped or missing — by amount and payer when they point at exactly one
 * open invoice; the rest waits in the manual-matching queue with suggestions.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"rule", "audit", "period", "invoice", "customer", "ledger"})
package no.kraft.cis.payment;
