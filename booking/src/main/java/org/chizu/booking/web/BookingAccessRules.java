package org.chizu.booking.web;

import org.chizu.accounts.AccessRules;
import org.chizu.accounts.AccountKind;
import org.chizu.accounts.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Anyone may look at units, their availability, quotes and lotteries (GET is open by default);
 * holding, confirming, cancelling, paying online, entering a lottery and withdrawing an entry,
 * registering, one's own
 * bookings, notices, door PINs and uses need a signed-in resident or staff member; approving, counter payments,
 * verifying registrations, opening and drawing lotteries are staff's (the default for other
 * methods). The provider's webhook is open: its signature is what is checked.
 */
@Configuration(proxyBeanMethods = false)
class BookingAccessRules {

    @Bean
    AccessRules bookingAccess() {
        return requests -> requests
                .requestMatchers(HttpMethod.POST, "/api/booking/payments/webhook").permitAll()
                .requestMatchers(HttpMethod.PUT, "/api/booking/bookings/*/approval", "/api/booking/bookings/*/payment")
                .hasRole(Role.STAFF.name())
                .requestMatchers("/api/booking/holds", "/api/booking/bookings/**", "/api/booking/mine", "/api/booking/notices",
                        "/api/booking/registration", "/api/booking/after-use", "/api/booking/door-pins")
                .hasAnyRole(AccountKind.RESIDENT.name(), Role.STAFF.name())
                .requestMatchers(HttpMethod.POST, "/api/booking/lotteries/*/entries", "/api/booking/lotteries/*/entries/*/withdrawal")
                .hasAnyRole(AccountKind.RESIDENT.name(), Role.STAFF.name());
    }
}
