-- An end of supply of ours (BRS-NO-201/202) can be cancelled before Elhub's cancellation deadline (RequestEndOfSupply
-- E02, same BRS, referring to the request) and rolled back after it (BRS-NO-221, corrections only). Either takes back
-- the end Elhub's confirmation made here: the deliveries it ended, and where each ended before, are kept with it.
create table elhub_supply_ended_delivery (
    supply_process_id bigint not null references elhub_supply_process (id),
    contract_number   bigint not null,
    delivery_id       bigint not null,
    previous_end      date,       -- null: the delivery was open-ended before the end
    primary key (supply_process_id, delivery_id)
);

alter table elhub_command drop constraint elhub_command_kind_check;
alter table elhub_command add constraint elhub_command_kind_check
    check (kind in ('ORDER_NORGESPRIS', 'CANCEL_NORGESPRIS', 'REQUEST_START_OF_SUPPLY', 'CANCEL_START_OF_SUPPLY',
                    'ROLLBACK_START_OF_SUPPLY', 'REQUEST_END_OF_SUPPLY', 'CANCEL_END_OF_SUPPLY', 'ROLLBACK_END_OF_SUPPLY',
                    'UPDATE_CUSTOMER_INFORMATION'));

-- a request held in the outbox until its send window opens, cancelled before it was ever sent: taken back, never sent
alter table elhub_command drop constraint elhub_command_status_check;
alter table elhub_command add constraint elhub_command_status_check
    check (status in ('PENDING', 'DELIVERED', 'REJECTED', 'EXPIRED', 'WITHDRAWN'));
