package org.chizu.platform.jobs.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.chizu.platform.jobs.JobHandler;
import org.springframework.stereotype.Component;

/** The job kinds of this application, each run by one {@link JobHandler} bean. */
@Component
class JobHandlers {

    private final Map<String, JobHandler> byKind;

    JobHandlers(List<JobHandler> handlers) {
        byKind = handlers.stream().collect(Collectors.toUnmodifiableMap(JobHandler::kind, Function.identity(), (a, b) -> {
            throw new IllegalStateException("two handlers run jobs of kind '" + a.kind() + "': "
                    + a.getClass().getName() + " and " + b.getClass().getName());
        }));
    }

    Optional<JobHandler> of(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    Set<String> kinds() {
        return byKind.keySet();
    }
}
