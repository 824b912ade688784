package org.solidarityfunds.donor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.solidarityfunds.support.Api.api;
import static org.solidarityfunds.support.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.support.BadInput;

@QuarkusTest
class DonorResourceTest {

    @Test
    void a_commune_is_registered_with_its_siren_and_an_auxiliary_account() {
        io.restassured.response.Response created = json(Map.of("kind", "COMMUNE", "name", "Commune de Dondo-sur-Loire",
                "siren", "628194821", "contactEmail", "finances@example.org")).post("/api/v1/donors");
        created.then().statusCode(201)
                .body("kind", equalTo("COMMUNE"))
                .body("siren", equalTo("628194821"))
                .body("auxiliaryAccount", matchesPattern("D[0-9]{6}"));
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/v1/donors/" + id);
        api().get("/api/v1/donors/{id}", id).then().statusCode(200)
                .body("name", equalTo("Commune de Dondo-sur-Loire"))
                .body("contactEmail", equalTo("finances@example.org"));
    }

    @Test
    void a_siren_belongs_to_one_donor_only() {
        json(Map.of("kind", "DEPARTEMENT", "name", "Département A", "siren", "993518190")).post("/api/v1/donors")
                .then().statusCode(201);
        BadInput.post("/api/v1/donors", "{\"kind\":\"DEPARTEMENT\",\"name\":\"Département B\",\"siren\":\"993518190\"}",
                409, "donor-siren-taken");
    }

    @Test
    void donors_are_listed_page_by_page_and_filtered_by_kind() {
        List<String> regions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            regions.add(json(Map.of("kind", "REGION", "name", "Région " + i)).post("/api/v1/donors")
                    .then().statusCode(201).extract().path("id"));
        }
        json(Map.of("kind", "EPCI", "name", "Métropole")).post("/api/v1/donors").then().statusCode(201);
        List<String> listed = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = (cursor == null ? api() : api().queryParam("after", cursor))
                    .queryParam("limit", 2).queryParam("kind", "REGION")
                    .get("/api/v1/donors").then().statusCode(200).extract().jsonPath();
            assertThat(page.getList("items.kind")).containsOnly("REGION");
            listed.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(listed).doesNotHaveDuplicates().containsSubsequence(regions);
    }

    @Test
    void an_unknown_donor_answers_404() {
        api().get("/api/v1/donors/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("type", endsWith("#donor-not-found"));
        api().get("/api/v1/donors/{id}", "1").then().statusCode(404).body("type", endsWith("#donor-not-found"));
    }

    @Test
    void bad_list_parameters_answer_400() {
        api().queryParam("kind", "MAIRIE").get("/api/v1/donors").then().statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        api().queryParam("limit", "500").get("/api/v1/donors").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        api().queryParam("after", "!!").get("/api/v1/donors").then().statusCode(400)
                .body("type", endsWith("#invalid-cursor"));
    }

    @Test
    void bad_donor_input_is_refused_with_a_problem_and_changes_nothing() {
        BadInput.post("/api/v1/donors", "{\"kind\":", 400, "malformed-request");
        BadInput.post("/api/v1/donors", "{}", 400, "validation-failed");
        BadInput.post("/api/v1/donors", "{\"kind\":\"MAIRIE\",\"name\":\"n\"}", 400, "validation-failed")
                .body("errors[0].field", equalTo("kind"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("COMMUNE"));
        BadInput.post("/api/v1/donors", "{\"kind\":\"COMMUNE\",\"name\":[\"n\"]}", 400, "validation-failed")
                .body("errors[0].field", equalTo("name"));
        BadInput.post("/api/v1/donors", "{\"kind\":\"COMMUNE\",\"name\":\"n\",\"siren\":\"628194822\"}", 400,
                "validation-failed").body("errors[0].field", equalTo("siren"));
        BadInput.post("/api/v1/donors", "{\"kind\":\"COMMUNE\",\"name\":\"n\",\"siren\":\"62819482\"}", 400,
                "validation-failed").body("errors[0].field", equalTo("siren"));
        BadInput.post("/api/v1/donors", "{\"kind\":\"COMMUNE\",\"name\":\"n\",\"siren\":628194821}", 400,
                "validation-failed").body("errors[0].field", equalTo("siren"));
        BadInput.post("/api/v1/donors", "{\"kind\":\"PERSON\",\"name\":\"n\",\"siren\":\"543231948\"}", 400,
                "validation-failed").body("errors[0].field", equalTo("siren"));
        BadInput.post("/api/v1/donors", "{\"kind\":\"PERSON\",\"name\":\"n\",\"contactEmail\":\"not an email\"}", 400,
                "validation-failed").body("errors[0].field", equalTo("contactEmail"));
        BadInput.post("/api/v1/donors", "{\"kind\":\"PERSON\",\"name\":\"" + "n".repeat(201) + "\"}", 400,
                "validation-failed");
        BadInput.post("/api/v1/donors", "{\"kind\":\"PERSON\",\"name\":\"n\",\"id\":\"" + UUID.randomUUID() + "\"}",
                400, "unknown-field").body("errors[0].field", equalTo("id"));
        BadInput.post("/api/v1/donors", "{\"kind\":\"PERSON\",\"name\":\"n\",\"auxiliaryAccount\":\"D000001\"}",
                400, "unknown-field");
    }
}
