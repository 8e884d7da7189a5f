-- The stored documents are compressed already (a PDF's streams are Flate-compressed; an EHF is small): PostgreSQL's
-- own compression of each value over 2 kB would cost CPU on every insert of the nightly documents for nothing. Kept out
-- of line (TOAST) as before, uncompressed. Applies to rows stored from now on.
alter table invoice_document alter column content set storage external;
