// Starts Swagger UI on this node's own OpenAPI document. No validator badge: it would call an outside service.
window.SwaggerUIBundle({
  url: '/openapi/v1.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  validatorUrl: null,
  tryItOutEnabled: false,
});
