/**
 * Debt collection (inkasso) with an agency: a claim handed over ({@link no.kraft.cis.ledger.DebtCollection#handOver})
 * is stored in this module's outbox in the hand-over's own transaction ({@link ClaimOutbox}), sent to the agency's JSON
 * API with an idempotency key, retried with backoff until a deadline ({@link ClaimRelay}, {@link AgencyClient}); a
 * refusal or the deadline opens a work item. The agency's settlement file comes back through {@link Settlements}: each
 * line a payment on the invoice through the payment import, a written-off line a write-off (credit loss). Depends on
 * cis-core only; nothing depends on it but the application. The agency's stand-in is in {@code standin}.
 */
package no.kraft.cis.collection;
