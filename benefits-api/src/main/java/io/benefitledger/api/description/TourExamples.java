package io.benefitledger.api.description;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The examples of request and response bodies are the README tour's steps ({@code api/tour.json}): each step that
 * names an operation lends it its request and its answer. TourExamplesTest sends every step to the service and
 * compares each answer's shape with the documented one, so an example cannot drift from what the service does.
 */
@Component
class TourExamples implements OpenApiCustomizer {

    static final String TOUR = "api/tour.json";

    @Override
    public void customise(OpenAPI description) {
        for (JsonNode step : steps()) {
            if (!step.has("operation")) {
                continue;
            }
            String[] operation = step.get("operation").asText().split(" ", 2);
            PathItem path = description.getPaths().get(operation[1]);
            Operation described = path == null ? null : path.readOperationsMap().get(PathItem.HttpMethod.valueOf(operation[0]));
            if (described == null) {
                throw new IllegalStateException("the tour names an operation the service does not have: " + step.get("operation"));
            }
            if (step.has("request") && described.getRequestBody() != null) {
                MediaType json = described.getRequestBody().getContent().get("application/json");
                json.setExample(step.get("request"));
            }
            ApiResponse answer = described.getResponses().get(step.get("status").asText());
            if (step.has("response") && answer != null && answer.getContent() != null) {
                answer.getContent().values().forEach(media -> media.setExample(step.get("response")));
            }
        }
    }

    static JsonNode steps() {
        try (InputStream tour = new ClassPathResource(TOUR).getInputStream()) {
            return new ObjectMapper().readTree(tour);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
