package org.chizu.booking.web;

import org.chizu.booking.BookingProblem;
import org.chizu.booking.BookingUsers;
import org.chizu.booking.Residency;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 利用者登録: a resident declares where they live or work; staff verify it. */
@RestController
@RequestMapping("/api/booking")
class RegistrationController {

    private final BookingUsers users;

    RegistrationController(BookingUsers users) {
        this.users = users;
    }

    /** {"residency": "resident" | "worker" | "non-resident"} */
    record Declaration(String residency) {
    }

    @GetMapping("/registration")
    BookingUsers.Registration mine() {
        long account = Callers.signedIn().id();
        return users.find(account).orElseThrow(() -> BookingProblem.notRegistered(account));
    }

    @PutMapping("/registration")
    BookingUsers.Registration register(@RequestBody Declaration declaration) {
        if (declaration.residency() == null) {
            throw BookingProblem.missing("residency");
        }
        return users.register(Callers.signedIn().id(), Residency.fromId(declaration.residency()));
    }

    /** Staff checked the declaration against an ID or a workplace. */
    @PutMapping("/registrations/{account}/verification")
    BookingUsers.Registration verify(@PathVariable long account) {
        return users.verify(account);
    }
}
