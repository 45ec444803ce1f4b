package org.chizu.counters.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Staff's page of the counters' figures with charts (a static file whose script reads the KPI API). */
@Controller
class CounterKpisPage {

    @GetMapping("/staff/counters/kpis")
    String kpis() {
        return "forward:/staff/counter-kpis.html";
    }
}
