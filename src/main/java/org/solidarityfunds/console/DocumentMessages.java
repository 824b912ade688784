package org.solidarityfunds.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import org.solidarityfunds.document.DocumentKind;

/**
 * The words of supporting documents on the console's pages, {@code {doc:...}}: French in
 * messages/doc_fr.properties, English in messages/doc_en.properties (a bundle of its own, as
 * BankMessages).
 */
@MessageBundle(value = "doc", locale = "fr")
public interface DocumentMessages {

    @Message String documents_title();
    @Message String no_document();
    @Message String kind_col();
    @Message String file_col();
    @Message String size_col();
    @Message String attached_col();
    @Message String attached_line(String who, String when);
    @Message String download();
    @Message String attach_title();
    @Message String attach_intro();
    @Message String kind();
    @Message String payment();
    @Message String payment_option(int number, String paidOn, String amount);
    @Message String no_payment();
    @Message String file();
    @Message String file_hint();
    @Message String attach_send();
    @Message String documentKind(DocumentKind kind);
}
