-- Units (单位) and custom groups per region. Every key starts with region (Citus-ready, distributed by region).
create table unit (
    region     varchar(6)   not null,
    id         uuid         not null,
    name       varchar(100) not null,
    kind       varchar(16)  not null,
    -- aliases, '|'-separated (the import format's own separator; names never contain it)
    aliases    text         not null default '',
    parent_id  uuid,
    active     boolean      not null default true,
    -- 联络员 as a JSON array of {name, phone, email}
    contacts   text         not null default '[]',
    version    bigint       not null default 0,
    created_at timestamptz  not null default now(),
    primary key (region, id),
    constraint unit_name_unique unique (region, name),
    -- deferred: an import may insert a unit before the parent named later in the same file
    constraint unit_parent_fk foreign key (region, parent_id) references unit (region, id) deferrable initially deferred,
    constraint unit_kind_known check (kind in ('DEPARTMENT', 'TOWN', 'SUBDISTRICT', 'ZONE', 'PARTY', 'BRANCH', 'ENTERPRISE'))
);
create index unit_by_kind on unit (region, kind, name);

create table unit_group (
    region     varchar(6)   not null,
    id         uuid         not null,
    name       varchar(100) not null,
    aliases    text         not null default '',
    -- unit kinds, '|'-separated; or an explicit member list of unit ids, '|'-separated
    kinds      text         not null default '',
    member_ids text         not null default '',
    version    bigint       not null default 0,
    created_at timestamptz  not null default now(),
    primary key (region, id),
    constraint unit_group_name_unique unique (region, name)
);
