-- The receivables figures take what was paid on an invoice before a day as invoice.paid_amount (all its matched
-- payments, kept by triggers from the payment rows) less the payments on or after that day: for a recent day a short
-- range of this index, read index-only, instead of a look-up per open invoice.
create index payment_matched_paid_on_idx on payment (paid_on) include (invoice_id, amount) where invoice_id is not null;
