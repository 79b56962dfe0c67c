// Swagger UI started from a file instead of the inline script of /q/swagger-ui, so the app's strict Content
// Security Policy (script-src 'self') holds on this page too. "Try it out" calls the API as the signed-in person;
// calls that change data need the CSRF header, so scripts should use "Authorize" with an API token instead.
(function () {
  'use strict';
  window.SwaggerUIBundle({
    url: '/q/openapi?format=json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    persistAuthorization: false
  });
})();
