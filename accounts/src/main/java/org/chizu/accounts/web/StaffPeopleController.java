package org.chizu.accounts.web;

import java.util.List;
import java.util.stream.Collectors;

import org.chizu.accounts.Identity;
import org.chizu.accounts.Organisation;
import org.chizu.accounts.OrganisationStatus;
import org.chizu.accounts.Organisations;
import org.chizu.accounts.Resident;
import org.chizu.accounts.ResidentPersonalData;
import org.chizu.accounts.Residents;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff's side of people beyond staff (under /staff, so staff only): organisation applications to
 * approve or reject (API and a simple page), and residents, whose personal data needs a stated purpose.
 */
@RestController
class StaffPeopleController {

    record Decision(String status) {
    }

    record Purpose(String purpose) {
    }

    private final Organisations organisations;
    private final Residents residents;

    StaffPeopleController(Organisations organisations, Residents residents) {
        this.organisations = organisations;
        this.residents = residents;
    }

    @GetMapping("/staff/api/organisations")
    List<Organisation> organisations(@RequestParam(defaultValue = "pending") String status) {
        return organisations.withStatus(OrganisationStatus.fromId(status));
    }

    @PutMapping(path = "/staff/api/organisations/{id}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> decide(Authentication staff, @PathVariable long id, @RequestBody Decision decision) {
        organisations.decide(id, OrganisationStatus.fromId(decision.status()), Identity.of(staff).orElseThrow());
        return ResponseEntity.noContent().build();
    }

    /** Residents without their e-mail addresses, representatives or addresses. */
    @GetMapping("/staff/api/residents")
    List<Resident> residents() {
        return residents.list();
    }

    /** One resident's personal data; the purpose is required and logged with who asked and when. */
    @PostMapping(path = "/staff/api/residents/{id}/personal-data", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResidentPersonalData personalData(Authentication staff, @PathVariable long id, @RequestBody Purpose purpose) {
        return residents.personalData(id, Identity.of(staff).orElseThrow(), purpose.purpose());
    }

    @GetMapping(path = "/staff/organisations", produces = MediaType.TEXT_HTML_VALUE)
    String applicationsPage(CsrfToken csrf) {
        List<Organisation> pending = organisations.withStatus(OrganisationStatus.PENDING);
        String rows = pending.stream().map(organisation -> """
                <tr><td>%d</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>
                  <form method="post" action="/staff/organisations/%d/status">%s
                    <button class="inline" name="status" value="approved">承認 <span lang="en">Approve</span></button>
                    <button class="inline reject" name="status" value="rejected">却下 <span lang="en">Reject</span></button>
                  </form></td></tr>""".formatted(organisation.id(), Pages.escape(organisation.name()),
                Pages.escape(organisation.address()), Pages.escape(organisation.representative()),
                Pages.escape(organisation.contact()), organisation.id(), Pages.csrfField(csrf)))
                .collect(Collectors.joining("\n"));
        return Pages.page("団体の申請 / Organisation applications", Pages.WIDE, """
                <h1>団体の申請 <span lang="en">Organisation applications</span></h1>
                %s
                <table>
                  <thead><tr><th>#</th><th>団体名 <span lang="en">Name</span></th><th>所在地 <span lang="en">Address</span></th>
                  <th>代表者 <span lang="en">Representative</span></th><th>連絡先 <span lang="en">Contact</span></th><th></th></tr></thead>
                  <tbody>%s</tbody>
                </table>""".formatted(pending.isEmpty()
                ? Pages.status("審査待ちの申請はありません。", "No applications are waiting.") : "", rows));
    }

    @PostMapping(path = "/staff/organisations/{id}/status")
    ResponseEntity<Void> decideByForm(Authentication staff, @PathVariable long id, @RequestParam String status) {
        organisations.decide(id, OrganisationStatus.fromId(status), Identity.of(staff).orElseThrow());
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header("Location", "/staff/organisations").build();
    }
}
