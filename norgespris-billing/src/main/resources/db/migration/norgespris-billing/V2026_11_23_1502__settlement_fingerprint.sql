-- SHA-256 of the per-day detail: a re-settlement that comes out the same writes nothing.
alter table settlement add column fingerprint varchar(64);
