-- Shelters opened during an event (避難所の開設状況). A row means the shelter is open now; staff
-- delete it when the shelter closes. While any row exists, "Is this place safe?" directs people
-- to open shelters only.
create table shelter_opening (
    facility_id  bigint primary key references facilities (id) on delete cascade,
    opened_at    timestamptz not null default now(),
    opened_by    text not null
);
