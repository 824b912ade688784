package org.solidarityfunds.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A value of a request body refused while it is read, before anything is done with it: the
 * mapper answers it as validation-failed, naming the field Jackson's path leads to, with
 * {@link #reason()} as the message (which never quotes the value sent).
 */
public class FieldRefused extends JsonMappingException {

    private final String reason;

    public FieldRefused(JsonParser parser, String reason) {
        super(parser, reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
