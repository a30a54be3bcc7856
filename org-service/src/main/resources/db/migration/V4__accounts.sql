-- Accounts (账号), sign-in, API clients (接入应用) and the sign-in log. Every key of a region's rows starts with region.

create table account (
    region               varchar(6)   not null,
    id                   uuid         not null,
    username             varchar(32)  not null,
    display_name         varchar(50)  not null,
    role                 varchar(16)  not null,
    unit_id              uuid,
    phone                varchar(20),
    active               boolean      not null default true,
    -- bcrypt ($2a$, cost from duban.auth.bcrypt-cost)
    password_hash        varchar(100) not null,
    must_change_password boolean      not null default true,
    -- consecutive failures since the last success or the last expired lock; written by one UPDATE each (LoginAttempts)
    failed_attempts      integer      not null default 0,
    locked_until         timestamptz,
    -- TOTP seed, AES-GCM encrypted (TotpSeals); totp_enabled only after a confirmed code
    totp_secret          text,
    totp_enabled         boolean      not null default false,
    -- the last 30-second step a code was accepted for: a code is good once
    totp_last_step       bigint,
    last_login_at        timestamptz,
    password_changed_at  timestamptz  not null default now(),
    created_at           timestamptz  not null default now(),
    version              bigint       not null default 0,
    primary key (region, id),
    constraint account_unit_fk foreign key (region, unit_id) references unit (region, id),
    constraint account_role_known check (role in ('supervisor', 'unit', 'viewer')),
    -- a unit account speaks for its unit; a supervisor or viewer may name the unit it sits in (县大数据中心)
    constraint account_unit_for_unit_role check (role <> 'unit' or unit_id is not null)
);
create index account_by_username on account (region, username);

-- Usernames are unique across regions (case-insensitive): sign-in names no region. This is the one table not keyed
-- by region; on Citus it is a reference table (small, replicated to every node).
create table login_name (
    username_key varchar(32) primary key,
    region       varchar(6)  not null,
    account_id   uuid        not null
);

-- Refresh tokens: only the SHA-256 of the random token is kept. Rotated on use (replaced_at), revoked on logout,
-- deactivation and password reset. The token text starts with the region so the row is found by its key.
create table refresh_token (
    region       varchar(6)  not null,
    token_hash   varchar(64) not null,
    account_id   uuid        not null,
    -- idle expiry: now() + idle timeout at issue; absolute_expiry carries over from the sign-in
    expires_at       timestamptz not null,
    absolute_expiry  timestamptz not null,
    created_at   timestamptz not null default now(),
    revoked_at   timestamptz,
    primary key (region, token_hash),
    foreign key (region, account_id) references account (region, id)
);
create index refresh_token_by_account on refresh_token (region, account_id) where revoked_at is null;

-- API clients of departments' own systems (OAuth 2.0 client credentials). client_id starts with the region.
create table api_client (
    region        varchar(6)   not null,
    id            uuid         not null,
    client_id     varchar(64)  not null,
    name          varchar(100) not null,
    role          varchar(16)  not null,
    unit_id       uuid,
    -- SHA-256 of a 256-bit random secret (a slow hash buys nothing against a secret no one can guess)
    secret_hash   varchar(64)  not null,
    active        boolean      not null default true,
    created_at    timestamptz  not null default now(),
    secret_rotated_at timestamptz not null default now(),
    primary key (region, id),
    constraint api_client_id_unique unique (region, client_id),
    constraint api_client_unit_fk foreign key (region, unit_id) references unit (region, id),
    constraint api_client_role_known check (role in ('unit', 'viewer')),
    constraint api_client_unit_for_unit_role check ((role = 'unit') = (unit_id is not null))
);

-- A region's security policy (等保 level 3 choices the region makes).
create table security_policy (
    region                   varchar(6) primary key,
    supervisor_totp_required boolean    not null default false,
    version                  bigint     not null default 0
);

-- Every sign-in, failure, lock, password change and account change. Append-only. Failures for a username no
-- region knows are kept under region '000000'.
create table auth_event (
    region         varchar(6)   not null,
    id             bigint       generated always as identity,
    at             timestamptz  not null default now(),
    kind           varchar(32)  not null,
    account_id     uuid,
    username       varchar(64),
    client_address varchar(64),
    actor          varchar(100),
    detail         varchar(200),
    primary key (region, id)
);
create index auth_event_by_account on auth_event (region, account_id, at);
