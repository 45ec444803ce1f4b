package org.chizu.webmap;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The forestry pages: /forestry for firms (the laser surveys' coverage and CS relief, per-compartment
 * figures, applying and their applications; /forestry/apply is the same page behind sign-in), and for
 * staff the applications to decide on and the KPI of the data's use.
 */
@Controller
class ForestryPage {

    @GetMapping({"/forestry", "/forestry/apply"})
    String forestryPage() {
        return "forward:/forestry.html";
    }

    @GetMapping("/staff/forestry")
    String staffApplications() {
        return "forward:/staff/forestry.html";
    }

    @GetMapping("/staff/forestry/kpis")
    String staffKpis() {
        return "forward:/staff/forestry-kpis.html";
    }
}
