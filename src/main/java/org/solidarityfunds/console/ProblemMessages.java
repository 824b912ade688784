package org.solidarityfunds.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import org.solidarityfunds.problem.ProblemType;

/**
 * What the console says of each problem, {@code {problems:problem(type)}}: French in
 * messages/problems_fr.properties, English in messages/problems_en.properties. A bundle of its
 * own: with them, the console's one bundle outgrew what Qute 3.33 generates correctly (a
 * VerifyError at start, quarkusio/quarkus#55584).
 */
@MessageBundle(value = "problems", locale = "fr")
public interface ProblemMessages {

    @Message String problem(ProblemType type);
}
