-- Start of supply (BRS-NO-101/102/103/104): our request and what Elhub answered. The request's Identification is
-- made and stored with it before anything is sent, and the outbox sends the stored message, so a retry after a lost
-- answer carries the same Identification. Elhub's answers come on the PollMarketProcesses queue:
-- ConfirmStartOfSupply / RejectStartOfSupply refer to it (OriginalBusinessDocumentReference); NotifyStartOfSupply
-- comes after the cancellation deadline and names the metering point and date.
create table elhub_supply_process (
    id              bigint generated always as identity primary key,
    kind            text        not null check (kind in ('CHANGE_OF_SUPPLIER', 'MOVE_IN', 'MOVE_IN_BACK_IN_TIME',
                                                         'FROM_SUPPLIER_OF_LAST_RESORT')),
    brs             text        not null,
    metering_point  text        not null,
    start_date      date        not null,
    request_id      uuid        not null unique,
    message         text        not null,   -- the BIM message as sent (unsigned; holds the end user's identity: staff only)
    status          text        not null check (status in ('REQUESTED', 'SENT', 'CONFIRMED', 'REJECTED', 'NOTIFIED', 'FAILED')),
    reason_code     text,                   -- Elhub's reason on a rejection (ebIX E.. / Elhub EH...)
    reason          text,                   -- its meaning and what to do
    requested_at    timestamptz not null,
    requested_by    text        not null,
    sent_at         timestamptz,
    confirmed_at    timestamptz,
    notified_at     timestamptz,
    closed_at       timestamptz
);
-- one start in progress per metering point
create unique index elhub_supply_process_open on elhub_supply_process (metering_point)
    where status in ('REQUESTED', 'SENT', 'CONFIRMED');
create index elhub_supply_process_point on elhub_supply_process (metering_point, id);

-- the outbox carries EMIF messages too: the stored message of a supply process
alter table elhub_command drop constraint elhub_command_kind_check;
alter table elhub_command add constraint elhub_command_kind_check
    check (kind in ('ORDER_NORGESPRIS', 'CANCEL_NORGESPRIS', 'REQUEST_START_OF_SUPPLY'));
alter table elhub_command add column supply_process_id bigint references elhub_supply_process (id);
