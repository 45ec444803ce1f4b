package org.chizu.platform.web;

import java.io.IOException;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * The JSON side of {@link NulInText}: a text member holding a NUL character is refused while the body
 * is read (Spring Boot adds this module to the application's JSON mapper), so the 400 names its path.
 */
@Component
class NulInJsonText extends SimpleModule {

    NulInJsonText() {
        super("nul-in-json-text");
        addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String value = super.deserialize(parser, context);
                if (value != null && value.indexOf('\0') >= 0) {
                    throw InvalidFormatException.from(parser, "text may not contain a NUL character (\\u0000)", value, String.class);
                }
                return value;
            }
        });
    }
}
