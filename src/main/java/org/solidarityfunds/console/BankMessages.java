package org.solidarityfunds.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import org.solidarityfunds.bankstatement.BankFile;
import org.solidarityfunds.bankstatement.Proposal;
import org.solidarityfunds.bankstatement.StatementViews;

/**
 * The words of the bank statements' pages and of a disbursement's payments, {@code {bank:...}}: French in
 * messages/bank_fr.properties, English in messages/bank_en.properties (a bundle of its own, as
 * BooksMessages).
 */
@MessageBundle(value = "bank", locale = "fr")
public interface BankMessages {

    @Message String nav_statements();
    @Message String statements_title();
    @Message String statements_intro();
    @Message String upload_title();
    @Message String upload_intro();
    @Message String file();
    @Message String file_hint();
    @Message String stage();
    @Message String no_statement();
    @Message String account();
    @Message String period(String from, String to);
    @Message String closing_balance();
    @Message String staged_by(String who, String when);
    @Message String open_lines();
    @Message String statement_title(String iban, String to);
    @Message String opening_balance();
    @Message String ledger_bank(String funds);
    @Message String difference();
    @Message String unreconciled(int count, String credits, String debits);
    @Message String lines_caption(int total);
    @Message String line();
    @Message String booked_on();
    @Message String counterparty();
    @Message String text();
    @Message String amount();
    @Message String lineStatus(StatementViews.LineStatus status);
    @Message String proposal();
    @Message String confidence(Proposal.Confidence confidence);
    @Message String decision();
    @Message String leave_open();
    @Message String accept();
    @Message String dismiss();
    @Message String dismiss_reason();
    @Message String direction(BankFile.Direction direction);
    @Message String reconcile_intro();
    @Message String reconcile();
    @Message String duplicate_of();
    @Message String next_lines();
    @Message String period_header();
    @Message String staged();

    // The payments of a disbursement (its page).
    @Message String payments_title();
    @Message String left_to_pay();
    @Message String no_payment();
    @Message String payment_number();
    @Message String paid_on();
    @Message String transfer_reference();
    @Message String beneficiary_account();
    @Message String debited();
    @Message String settled();
    @Message String foreign();
    @Message String exchange_difference();
    @Message String charges();
    @Message String recorded_by();
    @Message String released_line(String amount, String when, String reason);
    @Message String pay_title();
    @Message String pay_intro(String left);
    @Message String amount_debited(String currency);
    @Message String iban();
    @Message String account_number();
    @Message String account_number_hint();
    @Message String bic();
    @Message String foreign_legend();
    @Message String foreign_amount();
    @Message String foreign_currency();
    @Message String no_foreign_currency();
    @Message String rate(String currency);
    @Message String rate_hint();
    @Message String settled_amount();
    @Message String settled_hint();
    @Message String charges_amount();
    @Message String charges_hint();
    @Message String pay_send();
    @Message String release_title();
    @Message String release_intro(String left);
    @Message String release_send();

    @Message String line_title(int position, String iban);
    @Message String line_details();
    @Message String value_date();
    @Message String bank_ref();
    @Message String entry_ref();
    @Message String end_to_end();
    @Message String original_amount();
    @Message String handled(String who, String when);
    @Message String line_contribution();
    @Message String line_disbursement();
    @Message String change_line();
    @Message String change_intro();
    @Message String as_contribution_title();
    @Message String as_contribution_intro(boolean shared);
    @Message String fund_choice();
    @Message String show_pledges();
    @Message String record_contribution();
    @Message String recorded_title();
    @Message String recorded_intro();
    @Message String match_contribution();
    @Message String payment_title();
    @Message String payment_intro();
    @Message String no_open_payment();
    @Message String match_payment();
    @Message String payment_choice(int number, String beneficiary, String fund, String paidOn, String reference,
            String amount);
    @Message String charges_included(String charges);
    @Message String contribution_choice(String receivedOn, String donor, String reference, String amount);
    @Message String note();
    @Message String return_line();
    @Message String owing_donors();
    @Message String other_donors();
    @Message String allocation_label(String deliberation, String dueOn);
}
