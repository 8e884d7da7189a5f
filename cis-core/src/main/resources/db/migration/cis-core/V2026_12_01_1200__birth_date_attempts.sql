-- Every date-of-birth confirmation a partner asks for an account, with its outcome: the limit on failed guesses counts
-- these (BirthDateConfirmations), so it holds across instances and restarts.
create table birth_date_attempt (
    id           bigint generated always as identity primary key,
    customer_id  bigint       not null references customer (id),
    client_id    varchar(100) not null,
    confirmed    boolean      not null,
    attempted_at timestamptz  not null
);
create index birth_date_attempt_customer_idx on birth_date_attempt (customer_id, attempted_at);
