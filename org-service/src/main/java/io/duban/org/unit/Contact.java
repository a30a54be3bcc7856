package io.duban.org.unit;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A 联络员: the person a unit names for 政务公开 work. */
public record Contact(
        @NotBlank(message = "联络员姓名不能为空") @Size(max = 50, message = "联络员姓名最多 50 个字") String name,
        @Pattern(regexp = "^[0-9+\\- ()]{3,20}$", message = "电话号码格式不正确") String phone,
        @Email(message = "电子邮箱格式不正确") @Size(max = 100, message = "电子邮箱最多 100 个字符") String email) {
}
