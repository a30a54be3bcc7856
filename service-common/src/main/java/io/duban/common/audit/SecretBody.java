package io.duban.common.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The request body of this endpoint (or of every endpoint of this resource) carries a password or secret: its audit
 * record keeps no digest of the body, since a digest of a short, guessable body (a username and a weak password)
 * would let anyone holding the trail test guesses offline.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface SecretBody {
}
