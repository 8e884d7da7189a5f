-- Cancelling a start of supply before Elhub's cancellation deadline: the same message with DocumentType E02 and the
-- original request's Identification as OriginalBusinessDocumentReference, stored with its own Identification before it
-- is sent (the outbox sends the stored message, like the request). Elhub confirms it (→ CANCELLED) or rejects it (the
-- deadline has passed, or there is nothing to cancel: the process keeps its state, with Elhub's reason).
alter table elhub_supply_process add column cancel_request_id uuid unique;
alter table elhub_supply_process add column cancel_message text;
alter table elhub_supply_process drop constraint elhub_supply_process_status_check;
alter table elhub_supply_process add constraint elhub_supply_process_status_check
    check (status in ('REQUESTED', 'SENT', 'CONFIRMED', 'REJECTED', 'NOTIFIED', 'FAILED', 'CANCELLING', 'CANCELLED'));
drop index elhub_supply_process_open;
create unique index elhub_supply_process_open on elhub_supply_process (metering_point)
    where status in ('REQUESTED', 'SENT', 'CONFIRMED', 'CANCELLING');

alter table elhub_command drop constraint elhub_command_kind_check;
alter table elhub_command add constraint elhub_command_kind_check
    check (kind in ('ORDER_NORGESPRIS', 'CANCEL_NORGESPRIS', 'REQUEST_START_OF_SUPPLY', 'CANCEL_START_OF_SUPPLY'));
