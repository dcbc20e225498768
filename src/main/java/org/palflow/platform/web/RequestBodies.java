package org.palflow.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every text field of a JSON request body passes {@link TypedText}: a refused value fails the read, which the API
 * answers with a 400 naming the field. Only request bodies: process variables and stored records are read with the
 * application's own mapper, unchanged.
 */
@Configuration(proxyBeanMethods = false)
class RequestBodies implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        SimpleModule typedText = new SimpleModule("typed-text").addDeserializer(String.class, new TypedTextReader());
        converters.stream().filter(MappingJackson2HttpMessageConverter.class::isInstance)
                .map(MappingJackson2HttpMessageConverter.class::cast)
                .forEach(converter -> converter.setObjectMapper(converter.getObjectMapper().copy()
                        .registerModule(typedText)));
    }

    /** A text value {@link TypedText} refused; its message is the refusal, for the field it came in. */
    static final class RefusedText extends JsonMappingException {

        RefusedText(JsonParser parser, String refusal) {
            super(parser, refusal);
        }
    }

    private static final class TypedTextReader extends StdScalarDeserializer<String> {

        TypedTextReader() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null) {
                String refusal = TypedText.refusal(text).orElse(null);
                if (refusal != null) {
                    throw new RefusedText(parser, refusal);
                }
            }
            return text;
        }
    }
}
