package dev.counterpoint.dashboard;

import dev.counterpoint.users.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;

/** The items behind a bar, cell or point of a document's chart, under the chart's own filter. */
@Path("/api/documents/{id}/items")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER)
public class DrillDownApi {

    @Inject
    DrillDown drillDown;

    @Inject
    io.quarkus.security.identity.SecurityIdentity identity;

    @GET
    public DrillDown.Page items(@PathParam("id") long id, @Context UriInfo uri) {
        Map<String, String> query = ChartQuery.of(uri, ChartQuery.DRILL_DOWN);
        return drillDown.items(
                id,
                ChartFilter.of(query, Map.of()),
                query,
                identity.getPrincipal().getName());
    }
}
