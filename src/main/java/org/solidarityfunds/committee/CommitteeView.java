package org.solidarityfunds.committee;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.solidarityfunds.money.MoneyView;

@Schema(name = "Committee")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommitteeView(
        @Schema(required = true, example = "LIBAN-2020") String fundCode,
        @Schema(required = true, description = "1 for the first committee, then one more per change.", example = "1")
        int version,
        @Schema(required = true, example = "3") int quorum,
        @Schema(required = true) MajorityRule majority,
        DelegateView delegate,
        @Schema(required = true) List<MemberView> members,
        @Schema(required = true) String reason,
        @Schema(required = true) Instant recordedAt,
        @Schema(required = true) String recordedBy) {

    @Schema(name = "CommitteeMember")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MemberView(
            @Schema(required = true) String subject,
            @Schema(required = true) String name,
            @Schema(required = true) LocalDate validFrom,
            LocalDate validUntil) {
    }

    @Schema(name = "CommitteeDelegate")
    public record DelegateView(
            @Schema(required = true) String subject,
            @Schema(required = true, description = "Requests of strictly less than this.") MoneyView below) {
    }

    static CommitteeView from(CommitteeVersion version, List<CommitteeMember> members, String fundCode, String currency) {
        return new CommitteeView(fundCode, version.version, version.quorum, version.majority,
                version.delegateSubject == null ? null
                        : new DelegateView(version.delegateSubject, new MoneyView(version.delegateLimitMinor, currency)),
                members.stream().map(m -> new MemberView(m.subject, m.name, m.validFrom, m.validUntil)).toList(),
                version.reason, version.recordedAt, version.recordedBy);
    }
}
