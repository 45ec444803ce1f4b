-- Two facilities of the facilities layer and their bookable units, as staff would declare them.
insert into facilities (id, kind, name, address, geom) overriding system value values
    (1, 'designated_shelter', '高津公民館', '島根県益田市高津2-5-2', st_setsrid(st_makepoint(131.8232, 34.6815), 6668)),
    (2, 'designated_shelter', '市民体育館', '島根県益田市乙吉町イ615', st_setsrid(st_makepoint(131.8521, 34.6866), 6668));

insert into booking_unit (id, facility_id, kind, name_ja, name_en, capacity, slot_minutes, max_slots,
                          closed_on_holidays, needs_approval) overriding system value values
    -- Closed on Sundays and holidays, booked by the hour, at most three hours.
    (1, 1, 'hall', '大会議室', 'Large meeting hall', 60, 60, 3, true, false),
    -- Open every day, holidays too; staff approve each booking.
    (2, 2, 'gym', 'アリーナ', 'Arena', 300, 60, 4, false, true);

insert into booking_unit_hours (unit_id, weekday, opens, closes) values
    (1, 1, '09:00', '21:00'), (1, 2, '09:00', '21:00'), (1, 3, '09:00', '21:00'), (1, 4, '09:00', '21:00'),
    (1, 5, '09:00', '21:00'), (1, 6, '09:00', '17:00'),
    (2, 1, '09:00', '21:00'), (2, 2, '09:00', '21:00'), (2, 3, '09:00', '21:00'), (2, 4, '09:00', '21:00'),
    (2, 5, '09:00', '21:00'), (2, 6, '09:00', '21:00'), (2, 7, '09:00', '21:00');

-- Fees as a town's 使用料 table: the hall by band of the day, non-residents half as much again;
-- heating and lighting per hour; the arena one rate all day.
insert into booking_fee_band (unit_id, fee_class, starts, ends, yen_per_hour) values
    (1, 'resident', '09:00', '12:00', 600), (1, 'resident', '12:00', '17:00', 800), (1, 'resident', '17:00', '21:00', 1000),
    (1, 'non-resident', '09:00', '12:00', 900), (1, 'non-resident', '12:00', '17:00', 1200), (1, 'non-resident', '17:00', '21:00', 1500),
    (2, 'resident', '09:00', '21:00', 2000), (2, 'non-resident', '09:00', '21:00', 3000);
insert into booking_fee_extra (unit_id, code, name_ja, name_en, yen_per_hour) values
    (1, 'heating', '暖房', 'Heating', 300), (1, 'lighting', '照明', 'Lighting', 200);
