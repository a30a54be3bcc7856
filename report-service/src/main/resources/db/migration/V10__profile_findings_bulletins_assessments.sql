-- Issue 6: the names a region's documents carry, inspection findings, quarterly 通报 and the
-- year-end 考核. Every key starts with region (Citus-ready, distributed by region).

-- 单位/发文机关 names used in documents; one row per region.
CREATE TABLE region_profile (
    region          varchar(6) PRIMARY KEY,
    name            text        NOT NULL,
    issuer          text        NOT NULL,
    bulletin_office text        NOT NULL,
    version         bigint      NOT NULL DEFAULT 1,
    updated_by      text,
    updated_at      timestamptz NOT NULL DEFAULT now()
);

-- 抽测/检查问题: append-only. A correction is a new row naming the row it voids.
CREATE TABLE finding (
    region      varchar(6)  NOT NULL,
    id          uuid        NOT NULL,
    unit_id     text        NOT NULL,
    unit_name   text        NOT NULL,
    found_on    date        NOT NULL,
    source      text        NOT NULL,
    description text        NOT NULL,
    points      numeric(6,2) NOT NULL,
    voids       uuid,
    recorded_by text,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (region, id)
);
CREATE INDEX finding_found ON finding (region, found_on);
-- one correction per finding: a second correction must void the first correction
CREATE UNIQUE INDEX finding_voids ON finding (region, voids) WHERE voids IS NOT NULL;

-- 季度通报: content computed once at creation and stored; only next_steps of a DRAFT changes.
CREATE TABLE bulletin (
    region       varchar(6)  NOT NULL,
    id           uuid        NOT NULL,
    year         integer     NOT NULL,
    quarter      integer     NOT NULL,
    as_of        date        NOT NULL,
    status       text        NOT NULL,              -- DRAFT | PUBLISHED
    content      jsonb       NOT NULL,
    next_steps   text        NOT NULL,
    version      bigint      NOT NULL DEFAULT 1,
    created_by   text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_by text,
    published_at timestamptz,
    PRIMARY KEY (region, id)
);
CREATE INDEX bulletin_period ON bulletin (region, year, quarter);

-- 考核方案 per year (absent → the default scheme).
CREATE TABLE assessment_scheme (
    region     varchar(6)  NOT NULL,
    year       integer     NOT NULL,
    scheme     jsonb       NOT NULL,
    version    bigint      NOT NULL DEFAULT 1,
    updated_by text,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (region, year)
);

-- A finalized 考核: the computed result frozen as JSON.
CREATE TABLE assessment (
    region       varchar(6)  NOT NULL,
    year         integer     NOT NULL,
    content      jsonb       NOT NULL,
    finalized_by text,
    finalized_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (region, year)
);
