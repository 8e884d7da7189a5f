-- The receivables figures read, for every invoice that can be open at a day, the payments matched to it before that
-- day, and for every invoice due in a period the day its payments first reached its total (a running sum in
-- (paid_on, id) order). With the payment's day, id and amount in the index both are index-only range scans in that
-- order — no visit to the payment rows and no sort per invoice. It replaces the plain index on invoice_id, which it
-- covers (same leading column and condition).
create index payment_invoice_paid_idx on payment (invoice_id, paid_on, id) include (amount) where invoice_id is not null;
drop index payment_invoice_idx;
