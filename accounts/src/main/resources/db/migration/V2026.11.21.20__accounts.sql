-- Staff accounts and their personal API tokens. Only hashes are stored: a password as a
-- Spring Security delegating hash ("{bcrypt}…"), a token as the SHA-256 hex of the whole token.
-- The anonymous public has no account.

create table staff_account (
    id            bigint generated always as identity primary key,
    name          text not null unique check (name ~ '^[a-z][a-z0-9._-]{1,63}$'),
    display_name  text not null,
    role          text not null check (role in ('staff', 'admin')),
    password_hash text not null,
    created_at    timestamptz not null default now(),
    disabled      boolean not null default false
);

comment on table staff_account is '職員アカウント / Staff accounts';

create table api_token (
    id           bigint generated always as identity primary key,
    account_id   bigint not null references staff_account (id) on delete cascade,
    token_hash   char(64) not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
    label        text not null,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz
);

create index api_token_account on api_token (account_id);

comment on table api_token is '個人APIトークン / Personal API tokens (SHA-256 hashes only)';
