package io.duban.console.common;

import io.duban.console.api.ApiProblem;
import io.duban.console.session.CurrentSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * What a person sees when a page cannot be shown: 403 (not their role or unit), 404 (nothing there,
 * or another unit's item), a service's problem, or a service that cannot be reached. A 401 from a
 * service means the session's token is no longer good: back to the login page.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate(basePath = "error")
    static class Templates {
        static native TemplateInstance error(Chrome chrome, int status, String detail);
    }

    @Inject
    CurrentSession current;

    @ServerExceptionMapper
    public Response forbidden(Forbidden e) {
        return page(403, null);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return page(404, null);
    }

    @ServerExceptionMapper
    public Response problem(ApiProblem p) {
        if (p.status() == 401) {
            current.clear();
            return Response.seeOther(URI.create("/login?expired=1")).build();
        }
        if (p.status() == 403 || p.status() == 404) {
            return page(p.status(), null);
        }
        if (p.status() >= 500) {
            LOG.warnf(p, "a service failed: %s", p.getMessage());
            return page(502, p.detail());
        }
        return page(p.status(), p.detail());
    }

    private Response page(int status, String detail) {
        Chrome chrome = current.present() ? Chrome.of(current.get(), "") : null;
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(chrome, status, detail).render()).build();
    }
}
