package org.chizu.safety;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Which shelters staff have opened for the current event (table {@code shelter_opening}). */
@Repository
public class ShelterOpenings {

    private final JdbcTemplate jdbc;

    ShelterOpenings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether an event is on: any shelter open. */
    public boolean anyOpen() {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from shelter_opening)", Boolean.class));
    }

    /**
     * Marks a shelter open; opening an open shelter changes nothing.
     *
     * @throws NotAShelterException when the facility does not exist or is not a shelter
     */
    @Transactional
    public void open(long facilityId, String openedBy) {
        requireShelter(facilityId);
        jdbc.update("""
                insert into shelter_opening (facility_id, opened_by) values (?, ?)
                on conflict (facility_id) do nothing""", facilityId, openedBy);
    }

    /**
     * Marks a shelter closed; closing a closed shelter changes nothing.
     *
     * @throws NotAShelterException when the facility does not exist or is not a shelter
     */
    @Transactional
    public void close(long facilityId) {
        requireShelter(facilityId);
        jdbc.update("delete from shelter_opening where facility_id = ?", facilityId);
    }

    /** The ids of the open shelters, in id order. */
    public List<Long> openIds() {
        return jdbc.queryForList("select facility_id from shelter_opening order by facility_id", Long.class);
    }

    private void requireShelter(long facilityId) {
        boolean shelter = Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from facilities
                               where id = ? and kind in ('designated_shelter', 'emergency_evacuation_site'))""",
                Boolean.class, facilityId));
        if (!shelter) {
            throw new NotAShelterException(facilityId);
        }
    }
}
