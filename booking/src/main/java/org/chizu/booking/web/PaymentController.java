package org.chizu.booking.web;

import org.chizu.booking.Payment;
import org.chizu.booking.PaymentProvider;
import org.chizu.booking.Payments;
import org.chizu.booking.WebhookSignature;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Paying for bookings: online through the provider, at the counter through staff, and the provider's notifications. */
@RestController
@RequestMapping("/api/booking")
class PaymentController {

    private final Payments payments;

    PaymentController(Payments payments) {
        this.payments = payments;
    }

    /** Opens an online checkout for the caller's pending payment; the resident goes on to {@code payAt}. */
    @PostMapping("/bookings/{id}/payment/checkout")
    PaymentProvider.Checkout checkout(@PathVariable long id) {
        return payments.checkout(id, Callers.signedIn().id());
    }

    /** Staff took the fee at the counter. */
    @PutMapping("/bookings/{id}/payment")
    Payment paidAtCounter(@PathVariable long id) {
        return payments.payAtCounter(id);
    }

    /** The provider's signed notification; 204 once applied (or already applied), 401 when unsigned. */
    @PostMapping("/payments/webhook")
    ResponseEntity<Void> webhook(@RequestHeader(name = WebhookSignature.HEADER, required = false) String signature,
                                 @RequestBody String body) {
        payments.notified(signature, body);
        return ResponseEntity.noContent().build();
    }
}
