-- The day the file says it was made (LAS header: file creation day of year and year), which for an
-- airborne survey is the flight or the processing right after it: the catalog's and STAC's time.
-- Null when the header leaves it zero, as many writers do.
alter table laser_tile add column file_created date;
