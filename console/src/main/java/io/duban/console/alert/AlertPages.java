package io.duban.console.alert;

import io.duban.console.api.ApiProblem;
import io.duban.console.api.Paged;
import io.duban.console.api.ReportClient;
import io.duban.console.api.ReportModels.Alert;
import io.duban.console.api.ReportModels.Channel;
import io.duban.console.api.ReportModels.Channels;
import io.duban.console.api.TaskModels.Versioned;
import io.duban.console.common.Chrome;
import io.duban.console.common.FormErrors;
import io.duban.console.session.CurrentSession;
import io.duban.console.session.Session;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** 提醒: the default webhook channel of the region's 临期/逾期 alerts (supervisor) and the alert log. */
@Path("/alerts")
@Produces(MediaType.TEXT_HTML)
public class AlertPages {

    @CheckedTemplate(basePath = "alert")
    static class Templates {
        static native TemplateInstance alerts(Chrome chrome, Channel channel, String etag, Paged<Alert> alerts,
                                              FormErrors errors, boolean saved);
    }

    @Inject
    CurrentSession current;

    @Inject
    ReportClient report;

    @GET
    public Uni<TemplateInstance> show(@jakarta.ws.rs.QueryParam("saved") String saved) {
        Session s = current.require("supervisor", "viewer");
        return page(s, FormErrors.NONE, saved != null);
    }

    @POST
    @Path("channel")
    public Uni<Response> save(@RestForm("_csrf") String csrf, @RestForm String etag, @RestForm String url,
                              @RestForm String format, @RestForm String secret) {
        current.require("supervisor");
        Session s = current.checkCsrf(csrf);
        return report.alertChannels(s).flatMap(before -> {
            Map<String, Object> body = new LinkedHashMap<>();
            Map<String, Object> def = new LinkedHashMap<>();
            def.put("url", url == null ? "" : url.strip());
            def.put("format", format);
            if (secret != null && !secret.isEmpty()) {
                def.put("secret", secret);
            }
            body.put("default", def);
            // the other slots are kept as they are (a secret left out keeps the stored one)
            Channels c = before.value();
            if (c.supervisor() != null) {
                body.put("supervisor", Map.of("url", c.supervisor().url(), "format", c.supervisor().format()));
            }
            if (c.units() != null && !c.units().isEmpty()) {
                Map<String, Object> units = new LinkedHashMap<>();
                c.units().forEach((k, v) -> units.put(k, Map.of("url", v.url(), "format", v.format())));
                body.put("units", units);
            }
            return report.saveAlertChannels(s, etag, body);
        }).map(v -> Response.seeOther(URI.create("/alerts?saved=1")).build())
                .onFailure(e -> e instanceof ApiProblem p && (p.status() == 400 || p.status() == 412 || p.status() == 428))
                .recoverWithUni(e -> page(s, FormErrors.of((ApiProblem) e), false).map(t -> Response.status(400)
                        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(t.render()).build()));
    }

    private Uni<TemplateInstance> page(Session s, FormErrors errors, boolean saved) {
        Uni<Versioned<Channels>> channels = s.supervisor() ? report.alertChannels(s)
                : Uni.createFrom().item(new Versioned<>(new Channels(null, null, Map.of()), ""));
        return Uni.combine().all().unis(channels, report.alerts(s)).asTuple().map(t -> {
            Channel def = t.getItem1().value().defaultChannel();
            return Templates.alerts(Chrome.of(s, "alerts"), def == null ? new Channel("", "GENERIC", false) : def,
                    t.getItem1().etag(), t.getItem2(), errors, saved);
        });
    }
}
