-- Lotteries that run by themselves each month (LotteryCycle) and commit to their seed before the draw.
-- When a lottery opens, the SHA-256 of its seed (commitment) is published and the seed itself kept
-- sealed; the draw moves it to seed, where anyone can check sha256(seed) = commitment. The database
-- refuses a seed that does not match the commitment.
alter table booking_lottery
    add column commitment  text check (commitment ~ '^[0-9a-f]{64}$'),
    add column sealed_seed text,
    add column groups_only boolean not null default false,
    add column opened_by   text not null default 'staff' check (opened_by in ('staff', 'schedule')),
    add column released_at timestamptz,
    add constraint booking_lottery_sealed_before_draw check (sealed_seed is null or drawn_at is null),
    add constraint booking_lottery_seed_committed check (
        commitment is null
        or (sealed_seed is null or commitment = encode(sha256(convert_to(sealed_seed, 'UTF8')), 'hex'))
           and (seed is null or commitment = encode(sha256(convert_to(seed, 'UTF8')), 'hex')));

-- Where the applicant asked to be told the result (their sign-in address when they entered).
alter table booking_lottery_entry add column notify_to text;

-- A unit only verified groups (団体) may book or enter.
alter table booking_unit add column groups_only boolean not null default false;
