-- What Elhub's poll queues (PollMeteringValues, PollMarketProcesses) hand us. A batch (PollForDataResponse) is stored
-- whole, as received, before it is acknowledged; a batch served again because our acknowledgement was lost is stored
-- once (its outer Identification) and counted. Processing is apart from receiving: each business message inside is
-- applied once, by its own header Identification, whichever batch brings it.
create table elhub_poll_batch (
    id              uuid        primary key,   -- the outer Identification, what AcknowledgePoll refers to
    queue           text        not null check (queue in ('METERING_VALUES', 'MARKET_PROCESSES')),
    received_at     timestamptz not null,
    served          integer     not null,      -- times Elhub served it (more than once: an acknowledgement was lost)
    acknowledged_at timestamptz,
    processed_at    timestamptz,
    messages        integer,                   -- business messages inside, counted when processed
    bytes           bigint      not null,      -- the answer's size as received
    body_gzip       bytea       not null       -- the SOAP answer as received, gzip
);
-- already compressed: no second compression by TOAST
alter table elhub_poll_batch alter column body_gzip set storage external;
create index elhub_poll_batch_unprocessed on elhub_poll_batch (received_at) where processed_at is null;

create table elhub_inbound_message (
    id              uuid        primary key,   -- the message's header Identification
    batch_id        uuid        not null references elhub_poll_batch (id),
    position        integer     not null,      -- its place in the batch, 1-based
    document        text        not null,      -- root element, e.g. NotifyValidatedDataForBillingEnergy
    process         text,                      -- the BRS it belongs to
    status          text        not null check (status in ('APPLIED', 'IGNORED', 'FAILED')),
    detail          text,                      -- what it did, or why it failed (the rule)
    attempts        integer     not null,
    next_attempt_at timestamptz,               -- a failed message is tried again from then
    work_item_id    bigint      references elhub_work_item (id),
    received_at     timestamptz not null,
    processed_at    timestamptz not null
);
create index elhub_inbound_message_retry on elhub_inbound_message (next_attempt_at) where status = 'FAILED';
create index elhub_inbound_message_batch on elhub_inbound_message (batch_id);

-- a message we could not apply is work for someone, with the raw message
alter table elhub_work_item drop constraint elhub_work_item_kind_check;
alter table elhub_work_item add constraint elhub_work_item_kind_check
    check (kind in ('REJECTED', 'DATA_CONFLICT', 'NO_ANSWER', 'INBOUND_FAILED', 'INTEGRATION_ERROR'));
