package dev.counterpoint.users;

import dev.counterpoint.platform.AuditLog;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The audit log for admins: who adjudicated, assigned, imported, trained, changed a codebook or a role, and when. */
@Path("/admin/audit")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN)
public class AuditPages {

    static final int PAGE = 100;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(List<AuditLog.Event> events, String actor, String action, Long older);
    }

    @Inject
    AuditLog audit;

    @GET
    public TemplateInstance audit(
            @QueryParam("actor") String actor, @QueryParam("action") String action, @QueryParam("before") Long before) {
        String who = blankToNull(actor);
        String what = blankToNull(action);
        List<AuditLog.Event> events = audit.recent(who, what, before, PAGE);
        Long older = events.size() == PAGE ? events.get(events.size() - 1).id() : null;
        return Templates.audit(events, who, what, older);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
