package io.duban.common.audit;

import jakarta.inject.Inject;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Takes the SHA-256 of a request body while the body is read (whatever reads it: JSON, TSV bytes, a form), so the
 * audit record can prove which body was sent without keeping it — a password in a body stays out of the trail.
 */
@Provider
public class AuditBodyDigest implements ReaderInterceptor {

    /** Through the trail's proxy: providers are built before run-time configuration exists. */
    @Inject
    AuditTrail trail;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext ctx) throws IOException {
        if (!trail.enabled()) {
            return ctx.proceed();
        }
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        DigestInputStream in = new DigestInputStream(ctx.getInputStream(), sha);
        ctx.setInputStream(in);
        try {
            return ctx.proceed();
        } finally {
            try {
                // a reader that stopped early (a syntax error) leaves the rest unread: the digest covers the whole body
                in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException ignored) {
                // the body ended early; the digest is of what arrived
            }
            trail.bodyDigest(HexFormat.of().formatHex(sha.digest()));
        }
    }
}
