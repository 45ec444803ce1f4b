-- Another module's service may be booked through booking's units: the counters' van stops (kind
-- 'counter'), so that their slots get the same no-double-booking constraint as halls and rooms.
alter table booking_unit drop constraint booking_unit_kind_check;
alter table booking_unit add constraint booking_unit_kind_check
    check (kind in ('hall', 'room', 'gym', 'pitch', 'court', 'counter'));
