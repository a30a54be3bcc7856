package io.duban.report.document;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Content negotiation between JSON and document formats, and file names for downloads. */
public final class Downloads {

    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String CSV = "text/csv";

    private Downloads() {
    }

    /**
     * The first of {@code offered} the client accepts, in the client's order of preference
     * ({@code offered.get(0)} for a wildcard). JAX-RS has already answered 406 when none fits.
     */
    public static MediaType choose(HttpHeaders headers, List<MediaType> offered) {
        for (MediaType wanted : headers.getAcceptableMediaTypes()) {
            for (MediaType o : offered) {
                if (wanted.isCompatible(o)) {
                    return o;
                }
            }
        }
        return offered.get(0);
    }

    /**
     * A download: Content-Disposition with an ASCII fallback name and the Chinese name in
     * RFC 5987 form ({@code filename*=UTF-8''…}), which browsers and Office prefer.
     */
    public static Response file(Object body, String type, String asciiName, String chineseName, boolean inline) {
        String encoded = URLEncoder.encode(chineseName, StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(body).type(type.startsWith("text/") ? type + ";charset=UTF-8" : type)
                .header("Content-Disposition", (inline ? "inline" : "attachment") + "; filename=\"" + asciiName
                        + "\"; filename*=UTF-8''" + encoded)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }
}
