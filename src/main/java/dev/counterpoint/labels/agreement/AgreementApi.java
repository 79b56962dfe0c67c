package dev.counterpoint.labels.agreement;

import dev.counterpoint.users.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Agreement between people, and between people and each model version, for one codebook. */
@Path("/api/agreement")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER)
public class AgreementApi {

    @Inject
    Agreement agreement;

    @GET
    public AgreementSummary summary(@QueryParam("codebook") @DefaultValue("default") String codebook) {
        return agreement.of(codebook);
    }
}
