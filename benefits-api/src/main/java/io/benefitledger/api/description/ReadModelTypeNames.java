package io.benefitledger.api.description;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import org.springframework.stereotype.Component;

import java.util.Iterator;

/**
 * A type nested in a read model is named after it ({@code GoToMarketTab.Offer} is {@code GoToMarketTabOffer}): schemas
 * are named by simple class name, and two read models' {@code Offer}s (or the Go-To-Market tab's {@code Contact} and
 * the contact a command takes) would otherwise be described as one, the second answered with the first's fields.
 */
@Component
class ReadModelTypeNames implements ModelConverter {

    private static final String READ_MODELS = "io.benefitledger.query.";

    @Override
    public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        JavaType javaType = Json.mapper().constructType(type.getType());
        Class<?> raw = javaType.getRawClass();
        if (type.getName() == null && raw.isMemberClass() && !raw.isEnum() && raw.getName().startsWith(READ_MODELS)) {
            type.name(raw.getEnclosingClass().getSimpleName() + raw.getSimpleName());
        }
        return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
    }
}
