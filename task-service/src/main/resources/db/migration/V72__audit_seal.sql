-- The sealer's links move beside the records (issue 16, the cost of auditing): sealing used to UPDATE every record
-- a second after it was written (a new row version, an entry in each index, dead tuples and WAL); now a record is
-- written once and never touched, and the sealer appends its link (seq, previous hash, hash) to audit_seal. The
-- sealer no longer finds its work by "hash is null" (a partial index every write paid for) but by a cursor over
-- (tx, id), read below the commit horizon exactly as the change feed is: a record committed out of order is linked
-- after those before it, never skipped.
create table audit_seal (
    region     varchar(6)   not null,
    id         bigint       not null,
    seq        bigint       not null,
    prev_hash  varchar(64)  not null,
    hash       varchar(64)  not null,
    primary key (region, id)
);
create unique index audit_seal_chain on audit_seal (region, seq);

insert into audit_seal (region, id, seq, prev_hash, hash)
select region, id, seq, prev_hash, hash from audit_record where hash is not null;

-- where the sealer goes on: the last (tx, id) it linked (one row)
create table audit_seal_cursor (
    singleton  boolean  primary key default true check (singleton),
    tx         xid8     not null,
    id         bigint   not null
);
insert into audit_seal_cursor (tx, id)
select coalesce((select tx from audit_record where hash is not null order by tx desc, id desc limit 1), '0'::xid8),
       coalesce((select id from audit_record where hash is not null order by tx desc, id desc limit 1), 0);

drop index audit_record_unsealed;
drop index audit_record_chain;
alter table audit_record drop column seq, drop column prev_hash, drop column hash;
create index audit_record_commit_order on audit_record (tx, id);
