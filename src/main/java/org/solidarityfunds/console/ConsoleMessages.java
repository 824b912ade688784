package org.solidarityfunds.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import org.solidarityfunds.committee.MajorityRule;
import org.solidarityfunds.contribution.ContributionView;
import org.solidarityfunds.disbursement.DisbursementStatus;
import org.solidarityfunds.disbursement.VoteChoice;
import org.solidarityfunds.ledger.Account;
import org.solidarityfunds.ledger.EntryKind;
import org.solidarityfunds.ledger.VerificationReport;
import org.solidarityfunds.ledger.FundStatus;
import org.solidarityfunds.pledge.PledgeStatus;

/**
 * Every word of the console, {@code {msg:...}} in its templates: French in
 * messages/msg_fr.properties (the default), English in messages/msg_en.properties. A key
 * missing from either fails the build. A method taking an enum reads the key
 * {@code method_CONSTANT}.
 */
@MessageBundle(value = "msg", locale = "fr")
public interface ConsoleMessages {

    // The frame of every page.
    @Message String app_name();
    @Message String skip_to_content();
    @Message String nav_label();
    @Message String nav_home();
    @Message String signed_in_as(String user);
    @Message String sign_out();
    @Message String language_label();

    // Signing in (dev mode).
    @Message String login_title();
    @Message String login_intro();
    @Message String login_as(String user);
    @Message String login_role_finance();
    @Message String login_role_committee();
    @Message String login_role_auditor();
    @Message String login_role_admin();

    // Signed out (production, through the identity provider).
    @Message String signed_out_title();
    @Message String signed_out_text();
    @Message String sign_in_again();

    // The home page.
    @Message String home_title();
    @Message String home_intro();
    @Message String home_no_funds();
    @Message String fund_open(String name);

    // A fund's figures and chart.
    @Message String pledged();
    @Message String received();
    @Message String outstanding();
    @Message String available();
    @Message String committed();
    @Message String disbursed();
    @Message String status();
    @Message String fundStatus(FundStatus status);
    @Message String chart_title(String fund);
    @Message String chart_table(String fund);
    @Message String month();

    // A fund's page.
    @Message String fund_code();
    @Message String currency();
    @Message String entries();
    @Message String balances();
    @Message String committee();
    @Message String committee_rule(int quorum, int members);
    @Message String majority(MajorityRule rule);
    @Message String committee_members();
    @Message String member();
    @Message String member_id();
    @Message String seated_from();
    @Message String seated_until();
    @Message String no_committee();
    @Message String disbursements();
    @Message String none_yet();
    @Message String latest_hint(int count);
    @Message String beneficiary();
    @Message String purpose();
    @Message String amount();
    @Message String requested_on();
    @Message String disbursementStatus(DisbursementStatus status);
    @Message String pledges();
    @Message String donor();
    @Message String deliberation();
    @Message String overdue();
    @Message String pledgeStatus(PledgeStatus status);
    @Message String instalments();
    @Message String no_instalments();
    @Message String instalment_line(int number, String amount, String due, String received);
    @Message String contributions();
    @Message String received_on();
    @Message String bank_reference();
    @Message String original_amount();
    @Message String contributionStatus(ContributionView.Status status);
    @Message String journal();
    @Message String sequence();
    @Message String recorded_at();
    @Message String entry_kind();
    @Message String memo();
    @Message String hash();
    @Message String entryKind(EntryKind kind);

    // Forms.
    @Message String required_mark();
    @Message String form_problems_title();
    @Message String form_problems_fields(int fields);
    @Message String day_hint();
    @Message String fieldProblem(FieldProblem problem);

    // Disbursements.
    @Message String nav_votes();
    @Message String request_link();
    @Message String request_title(String fund);
    @Message String request_intro();
    @Message String country();
    @Message String country_hint();
    @Message String amount_in(String currency);
    @Message String amount_hint();
    @Message String request_send();
    @Message String awaiting_title();
    @Message String awaiting_none();
    @Message String requested_by(String who, String when);
    @Message String disbursement_title(String beneficiary);
    @Message String available_now();
    @Message String votes();
    @Message String votes_cast(long votes);
    @Message String votes_to_quorum(long votes);
    @Message String no_votes();
    @Message String vote();
    @Message String comment();
    @Message String minutes();
    @Message String cast_at();
    @Message String voteChoice(VoteChoice choice);
    @Message String decision();
    @Message String decision_line(String when, int votesFor, int votesAgainst, int abstentions);
    @Message String cancellation();
    @Message String cancellation_line(String when, String reason);
    @Message String vote_title();
    @Message String vote_send();
    @Message String cancel_title();
    @Message String reason();
    @Message String cancel_send();

    // Contributions.
    @Message String new_contribution_link();
    @Message String contribution_new_title(String fund);
    @Message String contribution_new_intro();
    @Message String choose();
    @Message String amount_received();
    @Message String exchange_rate(String currency);
    @Message String exchange_rate_hint();
    @Message String contribution_preview();
    @Message String contribution_confirm_title();
    @Message String credited();
    @Message String allocation_title();
    @Message String allocation_none();
    @Message String allocation_intro();
    @Message String instalment();
    @Message String due_on();
    @Message String still_expected();
    @Message String allocated_in(String currency);
    @Message String allocated_to(int line);
    @Message String contribution_record();
    @Message String contribution_title(String reference);
    @Message String unallocated();
    @Message String reversed_line(String when, String reason);
    @Message String reverse_title();
    @Message String reverse_intro();
    @Message String reverse_send();

    // Pledges.
    @Message String pledge_new_link();
    @Message String pledge_new_title(String fund);
    @Message String pledge_new_intro();
    @Message String pledged_on();
    @Message String deliberation_ref();
    @Message String deliberation_hint();
    @Message String instalments_hint();
    @Message String instalment_amount(int number);
    @Message String instalment_due(int number);
    @Message String pledge_record();

    // Importing a bank statement.
    @Message String import_link();
    @Message String import_title(String fund);
    @Message String import_intro();
    @Message String import_file();
    @Message String import_file_hint();
    @Message String import_preview();
    @Message String import_preview_title();
    @Message String import_no_lines();
    @Message String import_lines(int lines);
    @Message String line();
    @Message String line_check();
    @Message String line_ok();
    @Message String allocated_lines(int lines);
    @Message String import_confirm_intro(int lines);
    @Message String import_confirm();
    @Message String import_again();

    // Auditors.
    @Message String nav_verification();
    @Message String verification_title();
    @Message String verification_intro();
    @Message String verificationStatus(VerificationReport.Status status);
    @Message String verification_line(String when, String entries);
    @Message String break_line(String fund);
    @Message String breakReason(VerificationReport.Reason reason);
    @Message String see_entry();
    @Message String verification_run();
    @Message String heads_title();
    @Message String heads_intro();
    @Message String head_hash();
    @Message String entry_title(long sequence, String fund);
    @Message String reverses();
    @Message String reversed_by();
    @Message String lines();
    @Message String account();
    @Message String accountName(Account account);
    @Message String debit();
    @Message String credit();
    @Message String hashes();
    @Message String previous_hash();

    // Statements.
    @Message String statement_title();
    @Message String statement_hint();
    @Message String statement_from();
    @Message String statement_to();
    @Message String statement_csv();
    @Message String statement_json();

    // Errors.
    @Message String error_title();
    @Message String not_found_title();
    @Message String not_found_text();
    @Message String back_home();
}
