package org.chizu.accounts.web;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The accounts module with the shared problem+json handler, and one staff-only page: the
 * application module depends on this one, so the tests cannot start it.
 */
@SpringBootApplication(scanBasePackages = {"org.chizu.accounts", "org.chizu.platform.web", "org.chizu.platform.audit"})
class AccountsTestApplication {

    /** Under {@code /staff/}, so only signed-in staff reach it. */
    @RestController
    static class StaffDesk {

        @GetMapping("/staff/desk")
        String desk(Authentication staff) {
            return "welcome " + staff.getName();
        }
    }
}
