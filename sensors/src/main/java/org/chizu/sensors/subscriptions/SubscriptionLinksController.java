package org.chizu.sensors.subscriptions;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The links of the subscription e-mails. Opening one (GET) only shows a page, so a mail client or link
 * scanner that opens it before anyone reads the mail changes nothing; the page's button POSTs the
 * link's token back, which confirms or unsubscribes. Open to the public: the token is the credential.
 */
@RestController
class SubscriptionLinksController {

    /** The addresses of the e-mails' links, which only show a page on GET and act on POST. */
    static final String CONFIRM = "/alerts/subscriptions/confirm";
    static final String UNSUBSCRIBE = "/alerts/subscriptions/unsubscribe";

    private final AlertSubscriptions subscriptions;
    private final SubscriptionLinkPages pages;

    SubscriptionLinksController(AlertSubscriptions subscriptions, SubscriptionLinkPages pages) {
        this.subscriptions = subscriptions;
        this.pages = pages;
    }

    @GetMapping(CONFIRM)
    ResponseEntity<String> askToConfirm(@RequestParam String token, HttpServletRequest request) {
        return subscriptions.ofLink(token).filter(LinkedSubscription::confirmable)
                .map(subscription -> pages.asking(new SubscriptionLinkPages.Words(
                        "配信登録の確認", "Confirm your alert e-mails",
                        "「" + subscription.target() + "」の防災情報をメールで受け取るには、次のボタンを押してください。",
                        "To receive e-mails about alerts for \"" + subscription.target() + "\", press the button."),
                        new SubscriptionLinkPages.Button("登録を完了する", "Confirm"), token, request))
                .orElseGet(this::invalidConfirmation);
    }

    @PostMapping(CONFIRM)
    ResponseEntity<String> confirm(@RequestParam String token) {
        return subscriptions.confirm(token)
                ? pages.telling(HttpStatus.OK, new SubscriptionLinkPages.Words("配信登録が完了しました", "Your alert e-mails are confirmed",
                        "防災情報の発表・更新・解除をメールでお知らせします。各メールに配信停止のリンクがあります。",
                        "We will e-mail you when an alert is raised, updated or cleared. Every e-mail has a link to unsubscribe."))
                : invalidConfirmation();
    }

    @GetMapping(UNSUBSCRIBE)
    ResponseEntity<String> askToUnsubscribe(@RequestParam String token, HttpServletRequest request) {
        return subscriptions.ofLink(token)
                .map(subscription -> pages.asking(new SubscriptionLinkPages.Words(
                        "配信停止の確認", "Stop these e-mails?",
                        "「" + subscription.target() + "」の防災情報メールを停止し、このメールアドレスの登録を削除します。",
                        "This stops the alert e-mails for \"" + subscription.target() + "\" and deletes this address's subscription."),
                        new SubscriptionLinkPages.Button("配信を停止する", "Unsubscribe"), token, request))
                .orElseGet(this::alreadyUnsubscribed);
    }

    /**
     * Unsubscribes by the page's button, or by a mail program's one-click unsubscribe (RFC 8058: a POST
     * to the link itself with {@code List-Unsubscribe=One-Click}, which carries no cookie and so needs no
     * CSRF token).
     */
    @PostMapping(UNSUBSCRIBE)
    ResponseEntity<String> unsubscribe(@RequestParam String token) {
        return subscriptions.unsubscribe(token)
                ? pages.telling(HttpStatus.OK, new SubscriptionLinkPages.Words("配信を停止しました", "You are unsubscribed",
                        "このメールアドレスの登録を削除しました。", "This address and its subscription are deleted."))
                : alreadyUnsubscribed();
    }

    private ResponseEntity<String> invalidConfirmation() {
        return pages.telling(HttpStatus.NOT_FOUND, new SubscriptionLinkPages.Words("リンクが無効です", "This link is not valid",
                "期限（" + AlertSubscriptions.CONFIRM_DAYS + "日）が過ぎたか、配信停止済みです。もう一度登録してください。",
                "It has expired (after " + AlertSubscriptions.CONFIRM_DAYS + " days) or was unsubscribed. Please subscribe again."));
    }

    private ResponseEntity<String> alreadyUnsubscribed() {
        return pages.telling(HttpStatus.NOT_FOUND, new SubscriptionLinkPages.Words("配信停止済みです", "Already unsubscribed",
                "このリンクの登録はありません。", "There is no subscription for this link."));
    }
}
