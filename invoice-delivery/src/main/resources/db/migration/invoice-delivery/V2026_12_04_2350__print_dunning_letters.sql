-- Paper dunning letters join the print batches: a print item is either an invoice delivery's paper send (send_id,
-- delivery_id) or a dunning notice's paper letter (dunning_send_id, its PDF stored with the send), never both, each once.
alter table print_item alter column send_id drop not null;
alter table print_item alter column delivery_id drop not null;
alter table print_item add column dunning_send_id bigint unique references dunning_notice_send (id);
alter table print_item add constraint print_item_one_source
    check ((send_id is not null and delivery_id is not null and dunning_send_id is null)
        or (send_id is null and delivery_id is null and dunning_send_id is not null));
-- when the letter was handed to the print partner (its batch closed)
alter table dunning_notice_send add column handed_to_print_at timestamptz;
