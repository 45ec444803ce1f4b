package org.chizu.webmap;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A firm's clip jobs at /forestry/jobs: choose an approved application, see the estimate, start a
 * clip, follow its progress live and download its files, from forestry's /api/forestry/jobs.
 */
@Controller
class ForestryJobsPage {

    @GetMapping("/forestry/jobs")
    String forestryJobsPage() {
        return "forward:/forestry-jobs.html";
    }
}
