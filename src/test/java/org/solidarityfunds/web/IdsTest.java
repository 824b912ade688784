package org.solidarityfunds.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.problem.ProblemException;
import org.solidarityfunds.problem.ProblemType;

/** An id that is not a canonical UUID names nothing, and answers as an unknown one. */
class IdsTest {

    @Test
    void a_canonical_uuid_is_an_id_and_the_shorter_forms_java_would_read_are_not() {
        UUID id = UUID.fromString("6f1c2b7e-2a4d-4c1e-9b3a-8d5e7f9a0b1c");
        assertThat(Ids.parse(id.toString())).contains(id);
        // UUID.fromString reads these as UUIDs; they are not the 36-character form the service writes.
        for (String loose : List.of("1-2-3-4-5", "6f1c2b7e-2a4d-4c1e-9b3a-8d5e7f9a0b1", "0-0-0-0-000000000000")) {
            assertThat(Ids.parse(loose)).as(loose).isEmpty();
        }
        for (String bad : List.of("", "LIBAN-2020", "6f1c2b7e2a4d4c1e9b3a8d5e7f9a0b1c", "6f1c2b7e-2a4d-4c1e-9b3a-8d5e7f9a0b1g")) {
            assertThat(Ids.parse(bad)).as(bad).isEmpty();
        }
        assertThat(Ids.parse(null)).isEmpty();
    }

    @Test
    void requiring_an_id_that_is_not_one_answers_the_not_found_problem() {
        assertThatThrownBy(() -> Ids.require("42", ProblemType.DISBURSEMENT_NOT_FOUND, "disbursement"))
                .isInstanceOfSatisfying(ProblemException.class,
                        problem -> assertThat(problem.type()).isEqualTo(ProblemType.DISBURSEMENT_NOT_FOUND))
                .hasMessage("No disbursement has the id 42.");
    }
}
