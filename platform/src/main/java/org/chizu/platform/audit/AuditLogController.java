package org.chizu.platform.audit;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /staff/api/audit?page=&size=}: the audit log for staff (staff-only as all of /staff), newest first. */
@RestController
class AuditLogController {

    private static final int MAX_SIZE = 500;

    private final AuditLog log;

    AuditLogController(AuditLog log) {
        this.log = log;
    }

    @GetMapping("/staff/api/audit")
    AuditLog.Page page(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page must be 0 or more and size between 1 and " + MAX_SIZE);
        }
        return log.page(page, size);
    }
}
