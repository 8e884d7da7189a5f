-- A supply process's commands go in the order they were made (Outbox.claimDue: one waits while an earlier command of
-- the same process is pending, so a cancellation never overtakes its request). The look-up for that earlier command.
create index elhub_command_pending_process on elhub_command (supply_process_id, id)
    where status = 'PENDING' and supply_process_id is not null;
