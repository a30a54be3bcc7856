package io.duban.org.auth;

import io.duban.org.account.AccountDtos.AccountView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** API shapes of sign-in. */
public final class AuthDtos {

    private AuthDtos() {
    }

    public record LoginRequest(String username, String password, @Schema(description = "6-digit TOTP code when the account has TOTP on") String totp) {
    }

    public record RefreshRequest(String refreshToken) {
    }

    /** A signed-in session: the access token and the refresh token that renews it. */
    public record LoginResponse(String accessToken, @Schema(enumeration = "Bearer") String tokenType,
                                @Schema(description = "seconds") long expiresIn, String refreshToken,
                                @Schema(description = "seconds until the refresh token expires unless used (idle timeout)") long refreshExpiresIn,
                                @Schema(description = "the access token is restricted to /auth/* until the password is changed") boolean mustChangePassword,
                                @Schema(description = "the region requires TOTP for supervisors and this one has not enrolled: the access token is restricted to /auth/* until it has") boolean totpEnrolmentRequired,
                                AccountView account) {
    }

    public record PasswordChange(String currentPassword, String newPassword) {
    }

    public record TotpEnrolment(@Schema(description = "Base32 seed, shown only now") String secret, String otpauthUri,
                                @Schema(description = "the otpauth URI as a QR code, an SVG document") String qrSvg) {
    }

    public record TotpConfirmation(String code) {
    }

    /** RFC 6749 §5.1 access token response (snake_case as the RFC names its members). */
    public record ClientToken(@Schema(name = "access_token") String access_token,
                              @Schema(name = "token_type") String token_type,
                              @Schema(name = "expires_in") long expires_in) {
    }
}
