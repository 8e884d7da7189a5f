-- The billing run's chunks insert their invoices under a provisional, negative number from this sequence and take the
-- real, gap-free numbers from invoice_number_counter only as the last step before commit (Invoices.issueAll), so the
-- counter's row lock is held for one update, not for the inserts of every line. Never visible outside the transaction.
create sequence invoice_provisional_number;
