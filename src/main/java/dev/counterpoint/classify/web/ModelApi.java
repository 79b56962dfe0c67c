package dev.counterpoint.classify.web;

import dev.counterpoint.labels.ModelVersion;
import dev.counterpoint.users.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** A model version's reliability per dimension, for the Models page's chart. */
@Path("/api/models")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER)
public class ModelApi {

    public record ReliabilityView(long model, String name, List<ModelReliability.Dimension> dimensions) {}

    @GET
    @Path("{id}/reliability")
    @Transactional
    public ReliabilityView reliability(@PathParam("id") long id) {
        ModelVersion model = ModelVersion.findById(id);
        if (model == null) {
            throw new NotFoundException("there is no model version " + id);
        }
        return new ReliabilityView(model.id, model.name, ModelReliability.of(model));
    }
}
