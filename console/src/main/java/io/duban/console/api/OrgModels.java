package io.duban.console.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** What org-service's API answers and takes (units, sign-in, accounts, API clients), as the console reads it. */
public final class OrgModels {

    private OrgModels() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Unit(String id, String name, String kind, List<String> aliases, String parentId, boolean active) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UnitImport(int created, int updated, int unchanged) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Account(String id, String username, String displayName, String role, String region, String unitId,
                          String unitName, boolean totpEnabled, Boolean active, Boolean mustChangePassword,
                          String lockedUntil, String lastLoginAt, String initialPassword) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LoginRequest(String username, String password, String totp) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LoginResult(String accessToken, long expiresIn, String refreshToken, long refreshExpiresIn,
                              boolean mustChangePassword, boolean totpEnrolmentRequired, Account account) {
    }

    /** A TOTP enrolment: the seed (Base32), its otpauth URI and the QR code of it as SVG, shown this once. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TotpEnrolment(String secret, String otpauthUri, String qrSvg) {
    }

    public record TotpCode(String code) {
    }

    public record RefreshRequest(String refreshToken) {
    }

    public record PasswordChange(String currentPassword, String newPassword) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NewAccount(String username, String displayName, String role, String unitId, String phone) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TemporaryPassword(String temporaryPassword) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NewApiClient(String name, String role, String unitId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ApiClient(String id, String clientId, String clientSecret, String name, String role, String unitId,
                            Boolean active) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ClientSecret(String clientSecret) {
    }
}
