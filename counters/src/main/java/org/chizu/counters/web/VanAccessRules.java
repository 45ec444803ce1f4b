package org.chizu.counters.web;

import java.util.List;

import org.chizu.accounts.AccessRules;
import org.chizu.accounts.AccountKind;
import org.chizu.accounts.ClientScope;
import org.chizu.accounts.Role;
import org.chizu.platform.Label;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The van: anyone reads routes, timetable, feed and position (GET is open by default); residents
 * and staff reserve slots; the van's device posts its position with a client token of scope
 * {@value #POSITION_SCOPE} (staff may post it too, as any other change, which is staff's by default).
 */
@Configuration(proxyBeanMethods = false)
class VanAccessRules {

    static final String POSITION_SCOPE = "counters:van-position";

    @Bean
    AccessRules vanReservationAccess() {
        return requests -> requests.requestMatchers(HttpMethod.POST, "/api/counters/van/stops/*/reservations")
                .hasAnyRole(AccountKind.RESIDENT.name(), Role.STAFF.name());
    }

    @Bean
    ClientScope vanPositionScope() {
        return new ClientScope(POSITION_SCOPE, new Label("移動窓口車の現在地を送る", "post the counter van's position"),
                HttpMethod.POST, List.of("/api/counters/van/routes/*/positions"));
    }
}
