-- The receivables figures read a period's invoices by issue date (credit sales) and by due date (paid on time); no
-- figure is stored — these only keep the reads off a scan of every invoice.
create index invoice_issue_date_idx on invoice (issue_date) include (total_amount);
create index invoice_due_date_idx on invoice (due_date) where kind = 'INVOICE';
