package org.solidarityfunds.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import org.solidarityfunds.fiscalyear.FiscalYearStatus;

/**
 * The words of the fiscal years' page, {@code {books:...}}: French in messages/books_fr.properties,
 * English in messages/books_en.properties (a bundle of its own, as AdminMessages).
 */
@MessageBundle(value = "books", locale = "fr")
public interface BooksMessages {

    @Message String nav_fiscal_years();
    @Message String fiscal_years_title();
    @Message String fiscal_years_intro();
    @Message String year();
    @Message String days();
    @Message String from_to(String first, String last);
    @Message String yearStatus(FiscalYearStatus status);
    @Message String closing();
    @Message String requested_by(String who, String when);
    @Message String closed_by(String who, String when);
    @Message String entries_numbered(String entries);
    @Message String downloads();
    @Message String trial_balance_csv();
    @Message String dedicated_funds_csv();
    @Message String journal();
    @Message String fec();
    @Message String fec_description();
    @Message String closing_of(String year);
    @Message String waiting_for_another(String requester);
    @Message String request();
    @Message String request_hint();
    @Message String confirm();
    @Message String confirm_hint(String requester);
    @Message String withdraw();
    @Message String withdraw_hint();
}
