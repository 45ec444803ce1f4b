package org.chizu.platform.jobs.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /jobs}, わたしの処理: the signed-in person's own jobs, as {@code /api/jobs} lists them (signing
 * in is required, so a visitor is sent to the sign-in page first).
 */
@Controller
@ConditionalOnWebApplication
class MyJobsPage {

    @GetMapping("/jobs")
    String page() {
        return "forward:/platform/my-jobs.html";
    }
}
