package io.duban.task.proposal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The 主办 unit's 答复: its text, 解决情况, 协商方式 and date, 签发人 (signer), 联系人及电话; for the letter 文号, addressee
 * ("王某某委员") and 抄送; for B the 解决计划 and the 承诺完成日期. {@code repliedOn} defaults to today.
 */
public record ReplyRequest(
        @NotBlank(message = "答复内容不能为空") @Size(max = 20000, message = "答复内容不超过 20000 字") String text,
        @NotNull(message = "请选择解决情况（A/B/C/D）") Terms.Outcome outcome,
        @NotNull(message = "请选择协商方式") Terms.Consultation consultation,
        LocalDate consultedOn,
        @NotBlank(message = "签发人不能为空") @Size(max = 100, message = "签发人不超过 100 字") String signer,
        @NotBlank(message = "联系人不能为空") @Size(max = 50, message = "联系人不超过 50 字") String contactName,
        @NotBlank(message = "联系电话不能为空") @Size(max = 50, message = "联系电话不超过 50 字") String contactPhone,
        @Size(max = 100, message = "文号不超过 100 字") String docNumber,
        @Size(max = 200, message = "称谓不超过 200 字") String addressee,
        @Size(max = 200, message = "抄送不超过 200 字") String cc,
        @Size(max = 4000, message = "解决计划不超过 4000 字") String planText,
        LocalDate promisedOn,
        LocalDate repliedOn,
        @Size(max = 100, message = "落款单位不超过 100 字") String issuer) {
}
