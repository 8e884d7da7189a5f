-- Every call to the partner API: who (the token's subject = client id), which function, which customer(s), when, and
-- the answer's status. Written after the answer, also for refused (403) and rate-limited (429) calls.
create table partner_call (
    id               bigint generated always as identity primary key,
    client_id        varchar(100) not null,
    role             varchar(20)  not null,
    method           varchar(8)   not null,
    function         varchar(200) not null,
    customer_numbers bigint[]     not null,
    status           integer      not null,
    called_at        timestamptz  not null
);
create index partner_call_client_idx on partner_call (client_id, called_at);
create index partner_call_customer_idx on partner_call using gin (customer_numbers);
