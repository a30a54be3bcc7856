-- The comparison key (UnitNames.key: full-/half-width, white space and a leading county name do not count) of
-- every unit's and custom group's name and aliases. The primary key makes a key belong to one owner per region,
-- so two concurrent creates (县X局 and 沂源县X局, or A{甲, alias 乙} and B{乙, alias 甲}, or a unit and a group of
-- one name) cannot both succeed; the services' own checks only saw committed rows. Filled by NameKeys (Java
-- computes the key); rows written before this table existed are backfilled at startup.
create table name_key (
    region     varchar(6)  not null,
    key        text        not null,
    owner_id   uuid        not null,
    owner_kind varchar(8)  not null,
    primary key (region, key),
    constraint name_key_owner_kind check (owner_kind in ('UNIT', 'GROUP'))
);
create index name_key_by_owner on name_key (region, owner_id);
