package org.chizu.booking;

import java.net.URI;

/** An online payment provider: opens a checkout the resident pays at, and refunds. */
public interface PaymentProvider {

    /**
     * Opens a checkout; the provider notifies the webhook once it is paid.
     *
     * @param reference our reference for the payment, echoed back in the notification
     */
    Checkout checkout(String reference, int amountYen, String description);

    /** Refunds part or all of a paid checkout. */
    void refund(String checkoutId, int amountYen);

    /** A checkout: the provider's id and where the resident pays. */
    record Checkout(String id, URI payAt) {
    }
}
