package io.cogentx.api;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Documents {@code X-Session-Id} on every session-bound operation (request and response header), so
 * the OpenAPI document cannot drift from {@link SessionFilter}. Registered with {@code
 * mp.openapi.filter}.
 */
public class SessionHeaderDocs implements OASFilter {

  private static final String PREFIX = "/api/v1/";

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null) {
      return;
    }
    for (Map.Entry<String, PathItem> entry : openAPI.getPaths().getPathItems().entrySet()) {
      String path = entry.getKey();
      if (path.startsWith(PREFIX + "health")
          || path.startsWith(PREFIX + "admin")
          || path.startsWith(PREFIX + "plugins")) {
        continue;
      }
      entry.getValue().getOperations().values().forEach(SessionHeaderDocs::document);
    }
  }

  private static void document(Operation op) {
    Schema uuid = OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uuid");
    op.addParameter(
        OASFactory.createParameter()
            .name(SessionFilter.HEADER)
            .in(Parameter.In.HEADER)
            .required(false)
            .description(
                "Your anonymous session (UUID v4). Omit it to start a new session; its id comes"
                    + " back in the X-Session-Id response header.")
            .schema(uuid));
    if (op.getResponses() == null) {
      return;
    }
    Header header =
        OASFactory.createHeader().description("The session this request used").schema(uuid);
    op.getResponses()
        .getAPIResponses()
        .values()
        .forEach(r -> r.addHeader(SessionFilter.HEADER, header));
  }
}
