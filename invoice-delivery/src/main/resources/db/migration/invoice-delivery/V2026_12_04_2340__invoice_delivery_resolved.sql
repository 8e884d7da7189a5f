-- A delivery no channel could make can be closed by a person (the invoice handed over another way, the customer told):
-- RESOLVED, with who and why as its event. It leaves the delivery work queue and, like FAILED, the channel figures.
alter table invoice_delivery drop constraint invoice_delivery_status_check;
alter table invoice_delivery add constraint invoice_delivery_status_check
    check (status in ('PENDING', 'SENT', 'OPENED', 'DELIVERED', 'FAILED', 'RESOLVED'));
