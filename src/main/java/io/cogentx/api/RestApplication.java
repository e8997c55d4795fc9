package io.cogentx.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;

/** The API root. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Cogent-X RAG API",
            version = "1",
            description =
                "Ask questions answered from your own documents only. Every request carries the"
                    + " anonymous session id in X-Session-Id (a UUID v4); omit it to get a new"
                    + " session, whose id comes back in the X-Session-Id response header. Errors"
                    + " are RFC 9457 application/problem+json.",
            license = @License(name = "Apache-2.0")))
public class RestApplication extends Application {}
