package org.solidarityfunds.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import org.solidarityfunds.donor.DonorKind;

/**
 * The words of the administrators' pages, {@code {admin:...}}: French in
 * messages/admin_fr.properties, English in messages/admin_en.properties (a bundle of its own,
 * as one bundle holding every word of the console outgrew what Qute generates in one class).
 */
@MessageBundle(value = "admin", locale = "fr")
public interface AdminMessages {

    @Message String nav_admin();
    @Message String admin_title();
    @Message String funds();
    @Message String fund_name();
    @Message String change_status();
    @Message String new_status(String fund);
    @Message String committee_edit_link(String fund);
    @Message String open_fund();
    @Message String fund_code_hint();
    @Message String description();
    @Message String currency_hint();
    @Message String donors();
    @Message String donor_kind();
    @Message String donorKind(DonorKind kind);
    @Message String auxiliary_account();
    @Message String new_donor();
    @Message String donor_name();
    @Message String siren_hint();
    @Message String contact_email();
    @Message String committee_edit_title(String fund);
    @Message String committee_edit_intro();
    @Message String members_hint();
    @Message String member_field(int row, String part);
    @Message String quorum();
    @Message String quorum_hint();
    @Message String majority_rule();
    @Message String delegate();
    @Message String delegate_hint();
    @Message String delegate_below(String currency);
    @Message String committee_reason();
    @Message String committee_reason_hint();
    @Message String committee_save();

}
