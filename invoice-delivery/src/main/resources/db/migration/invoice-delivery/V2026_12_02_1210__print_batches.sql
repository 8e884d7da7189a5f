-- Paper: a send to paper puts the invoice on the next print batch; closing a batch hands the open items to the print
-- partner as one file (a zip of the stored PDFs and a manifest). An item belongs to at most one batch.
create table print_batch (
    id          bigint generated always as identity primary key,
    created_at  timestamptz not null,
    created_by  text        not null,
    items       int         not null
);

create table print_item (
    id          bigint generated always as identity primary key,
    send_id     bigint      not null unique references invoice_delivery_send (id),
    delivery_id bigint      not null references invoice_delivery (id),
    invoice_id  bigint      not null references invoice (id),
    batch_id    bigint      references print_batch (id),
    created_at  timestamptz not null
);
create index print_item_open on print_item (id) where batch_id is null;

-- when an e-mail was opened (the tracking image), and the deadline for it to be opened before the next channel
alter table invoice_delivery_send add column opened_at timestamptz;
alter table invoice_delivery_send add column open_by timestamptz;
