package io.duban.report.common;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * "Today" in Asia/Shanghai for the rules that judge a request by the day it is made (a 延期申请 only
 * before the due date, one 催办 per working day). {@code duban.today} fixes the day for demos and
 * end-to-end tests that replay a past year; unset in production.
 */
@ApplicationScoped
public class Today {

    @ConfigProperty(name = "duban.today")
    Optional<LocalDate> fixed;

    public LocalDate date() {
        return fixed.orElseGet(() -> LocalDate.now(AsOf.ZONE));
    }
}
