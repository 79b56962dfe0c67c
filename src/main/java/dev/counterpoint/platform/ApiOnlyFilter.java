package dev.counterpoint.platform;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Shapes the OpenAPI document (/q/openapi, drawn at /api-docs/): only the JSON API (pages, HTML for people, share
 * the resource classes' packages but are not part of it), with how to authenticate and how errors look.
 */
public class ApiOnlyFilter implements OASFilter {

    static final String DESCRIPTION = "Everything the pages do, as JSON. Authenticate with an API token from your"
            + " Account page (Authorization: Bearer cpt_...), which needs no CSRF token, or with the browser session,"
            + " whose calls that change data need the page's X-CSRF-TOKEN header. Errors are RFC 9457 problem details"
            + " (application/problem+json) with type, title, status, detail and instance; detail says what to do."
            + " Calls without credentials get 401, calls the role does not allow 403.";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Paths paths = openAPI.getPaths();
        if (paths != null && paths.getPathItems() != null) {
            paths.getPathItems().keySet().stream()
                    .filter(path -> !path.startsWith("/api/"))
                    .toList()
                    .forEach(paths::removePathItem);
        }
        openAPI.setInfo(
                OASFactory.createInfo().title("Counterpoint API").version("1").description(DESCRIPTION));
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents()
                .addSecurityScheme(
                        "apiToken",
                        OASFactory.createSecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .bearerFormat("cpt_ followed by 43 base64url characters")
                                .description("An API token made on the Account page; it acts with its owner's role."))
                .addSecurityScheme(
                        "session",
                        OASFactory.createSecurityScheme()
                                .type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE)
                                .name("counterpoint-session")
                                .description("The sign-in cookie from /login; calls that change data also need the"
                                        + " X-CSRF-TOKEN header."));
        openAPI.setSecurity(List.of(
                OASFactory.createSecurityRequirement().addScheme("apiToken"),
                OASFactory.createSecurityRequirement().addScheme("session")));
    }
}
