package org.chizu.booking.web;

import org.chizu.accounts.AccessRules;
import org.chizu.accounts.AccountKind;
import org.chizu.accounts.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Anyone may look at units and their availability (GET is open by default); holding, confirming,
 * cancelling, one's own bookings and notices need a signed-in resident or staff member; approving is staff's.
 */
@Configuration(proxyBeanMethods = false)
class BookingAccessRules {

    @Bean
    AccessRules bookingAccess() {
        return requests -> requests
                .requestMatchers(HttpMethod.PUT, "/api/booking/bookings/*/approval").hasRole(Role.STAFF.name())
                .requestMatchers("/api/booking/holds", "/api/booking/bookings/**", "/api/booking/mine", "/api/booking/notices")
                .hasAnyRole(AccountKind.RESIDENT.name(), Role.STAFF.name());
    }
}
