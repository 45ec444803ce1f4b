package org.chizu.webmap;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The forestry data page at /forestry: the laser surveys' coverage and CS relief, from /api/forestry/surveys. */
@Controller
class ForestryPage {

    @GetMapping("/forestry")
    String forestryPage() {
        return "forward:/forestry.html";
    }
}
