-- End of supply (BRS-NO-201 move-out, 202 termination) runs in the same table as the starts: one supply process per
-- metering point at a time, whichever way. start_date is the process's date: the first day ours (a start) or the first
-- day no longer ours (an end). send_from holds a request whose send window has not opened yet (202: at the earliest 6
-- working days / 4 calendar days before); the outbox sends it then.
alter table elhub_supply_process drop constraint elhub_supply_process_kind_check;
alter table elhub_supply_process add constraint elhub_supply_process_kind_check
    check (kind in ('CHANGE_OF_SUPPLIER', 'MOVE_IN', 'MOVE_IN_BACK_IN_TIME', 'FROM_SUPPLIER_OF_LAST_RESORT', 'MOVE_OUT', 'TERMINATION'));
alter table elhub_supply_process add column send_from date;

-- Rollback of a notified start (BRS-NO-111, corrections only): stored with its own Identification like a
-- cancellation; the start is reopened (ROLLING_BACK) while Elhub decides.
alter table elhub_supply_process add column rollback_request_id uuid unique;
alter table elhub_supply_process add column rollback_message text;
alter table elhub_supply_process drop constraint elhub_supply_process_status_check;
alter table elhub_supply_process add constraint elhub_supply_process_status_check
    check (status in ('REQUESTED', 'SENT', 'CONFIRMED', 'REJECTED', 'NOTIFIED', 'FAILED', 'CANCELLING', 'CANCELLED',
                      'ROLLING_BACK', 'ROLLED_BACK'));
-- a process is open until it is closed (a confirmed end closes at once, a confirmed start when notified)
drop index elhub_supply_process_open;
create unique index elhub_supply_process_open on elhub_supply_process (metering_point) where closed_at is null;

-- BRS-NO-301: the end user's name, address or contact changed here; Elhub acknowledges (294), status 41 = rejected.
create table elhub_customer_update (
    id              bigint generated always as identity primary key,
    customer_id     bigint      not null,
    metering_point  text        not null,
    request_id      uuid        not null unique,
    message         text        not null,   -- the BIM message as sent (holds the end user's identity: staff only)
    status          text        not null check (status in ('REQUESTED', 'SENT', 'ACKNOWLEDGED', 'REJECTED', 'FAILED')),
    reason_code     text,
    reason          text,
    requested_at    timestamptz not null,
    requested_by    text        not null,
    answered_at     timestamptz
);
create index elhub_customer_update_point on elhub_customer_update (metering_point, id);

alter table elhub_command drop constraint elhub_command_kind_check;
alter table elhub_command add constraint elhub_command_kind_check
    check (kind in ('ORDER_NORGESPRIS', 'CANCEL_NORGESPRIS', 'REQUEST_START_OF_SUPPLY', 'CANCEL_START_OF_SUPPLY',
                    'ROLLBACK_START_OF_SUPPLY', 'REQUEST_END_OF_SUPPLY', 'UPDATE_CUSTOMER_INFORMATION'));
alter table elhub_command add column customer_update_id bigint references elhub_customer_update (id);
