-- People beyond staff, in one table family. An account is of one kind:
--   staff    signs in with a name (role staff or admin), as before;
--   resident registers with an e-mail address, verified by a link, alone or for a group (団体登録);
--   client   a device or API client: no password, only API tokens, and only the scopes it was given.
-- Organisations are applied for by a resident and approved by staff; their members are residents.
-- What an account may do beyond its kind is data: a client's scopes (account_scope) and a resident's
-- memberships (organisation_member) become rights such as 'open311:post' or 'org:12:admin'.

alter table staff_account rename to account;
alter table account rename constraint staff_account_pkey to account_pkey;
alter table account drop constraint staff_account_name_key;
alter table account drop constraint staff_account_name_check;
alter table account drop constraint staff_account_role_check;
comment on table account is 'アカウント（職員・住民・機器） / Accounts: staff, residents, devices and API clients';

alter table account
    add column kind text not null default 'staff' check (kind in ('staff', 'resident', 'client')),
    alter column name drop not null,
    alter column role drop not null,
    alter column password_hash drop not null,
    add column email             text check (email ~ '^[^@\s]+@[^@\s]+$'),
    add column email_verified_at timestamptz,
    add column group_name        text,
    add column representative    text,
    add column address           text,
    add column failed_sign_ins   integer not null default 0,
    add column failing_since     timestamptz,
    add column locked_until      timestamptz;
alter table account alter column kind drop default;

alter table account
    add constraint account_staff_name check (kind <> 'staff' or name ~ '^[a-z][a-z0-9._-]{1,63}$'),
    add constraint account_named check (kind = 'resident' or name is not null),
    add constraint account_role check ((kind = 'staff') = (role is not null) and (role is null or role in ('staff', 'admin'))),
    add constraint account_password check ((kind = 'client') = (password_hash is null)),
    add constraint account_resident_email check ((kind = 'resident') = (email is not null)),
    add constraint account_group check (group_name is null or (kind = 'resident' and representative is not null));

create unique index account_kind_name on account (kind, name);
create unique index account_email on account (lower(email));

comment on column account.failed_sign_ins is
    '連続したパスワード誤り（failing_since 以降） / Wrong passwords in a row since failing_since';
comment on column account.locked_until is
    'サインイン停止の終わり / Sign-in refused until then, after too many wrong passwords';

-- The scopes of a device or API client ('open311:post', 'sensors:observe').
create table account_scope (
    account_id bigint not null references account (id) on delete cascade,
    scope      text not null check (scope ~ '^[a-z0-9_-]+(:[a-z0-9_-]+)+$'),
    primary key (account_id, scope)
);

-- Single-use, expiring links sent by e-mail. Only the SHA-256 of the token is stored.
create table account_mail_token (
    id          bigint generated always as identity primary key,
    account_id  bigint not null references account (id) on delete cascade,
    purpose     text not null check (purpose in ('verify-email', 'reset-password')),
    token_hash  char(64) not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    used_at     timestamptz
);
create index account_mail_token_account on account_mail_token (account_id);

create table organisation (
    id             bigint generated always as identity primary key,
    name           text not null check (length(btrim(name)) > 0),
    address        text not null check (length(btrim(address)) > 0),
    representative text not null check (length(btrim(representative)) > 0),
    contact        text not null check (length(btrim(contact)) > 0),
    status         text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
    applied_by     bigint not null references account (id),
    applied_at     timestamptz not null default now(),
    decided_by     bigint references account (id),
    decided_at     timestamptz
);
comment on table organisation is '団体（林業事業体など） / Organisations such as forestry firms; pending until staff approve';

create table organisation_member (
    organisation_id bigint not null references organisation (id) on delete cascade,
    account_id      bigint not null references account (id) on delete cascade,
    role            text not null check (role in ('admin', 'member')),
    added_at        timestamptz not null default now(),
    primary key (organisation_id, account_id)
);
create index organisation_member_account on organisation_member (account_id);

-- Who looked at which resident's personal data, and why. Rows are never changed.
create table personal_data_access (
    id          bigint generated always as identity primary key,
    staff_id    bigint not null references account (id),
    resident_id bigint not null references account (id),
    purpose     text not null check (length(btrim(purpose)) >= 5),
    accessed_at timestamptz not null default now()
);
create index personal_data_access_resident on personal_data_access (resident_id, accessed_at);
comment on table personal_data_access is '個人情報の閲覧記録 / Access log of residents'' personal data';

-- Open311 API keys become API clients with the scope open311:post. Their keys stay valid: a key
-- was stored as the SHA-256 hex of the whole key, as API tokens are. The table belongs to the
-- reports module, which a deployment may leave out.
do $$
begin
    if to_regclass('open311_api_key') is not null then
        insert into account (kind, name, display_name, created_at)
        select 'client', client, client, min(created_at) from open311_api_key group by client;
        insert into account_scope (account_id, scope)
        select id, 'open311:post' from account where kind = 'client';
        insert into api_token (account_id, token_hash, label, created_at)
        select a.id, k.key_hash, 'open311 key', k.created_at
        from open311_api_key k join account a on a.kind = 'client' and a.name = k.client
        where not k.revoked;
        drop table open311_api_key;
    end if;
end $$;
